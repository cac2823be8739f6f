/** What the status rules need from a PackageInstall or App, read defensively from any value. */
export interface CarvelResourceFacts {
  kind: CarvelResourceKind;
  generation?: number;
  observedGeneration?: number;
  hasStatus: boolean;
  deletionRequested: boolean;
  paused: boolean;
  canceled: boolean;
  /** kapp-controller writes at most one condition; only the first one counts. */
  condition?: { type: string; message?: string };
  friendlyDescription?: string;
  usefulErrorMessage?: string;
  annotations: Record<string, string>;
  status: Record<string, unknown>;
}

export type CarvelResourceKind = 'PackageInstall' | 'App';

export type CarvelResourceReading =
  | { facts: CarvelResourceFacts }
  | { problem: string };

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `value[key]` when value is a record; undefined otherwise. */
export const readField = (value: unknown, key: string): unknown =>
  isRecord(value) ? value[key] : undefined;

/** Non-blank text with trailing whitespace (kapp-controller leaves stderr's newline) removed. */
export const readText = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== ''
    ? value.trimEnd()
    : undefined;

const isAbsent = (value: unknown) => value === undefined || value === null;
const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;

function readAnnotations(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

function metadataProblem(
  metadata: Record<string, unknown>,
): string | undefined {
  if (!isAbsent(metadata.generation) && !isCount(metadata.generation)) {
    return 'metadata.generation is not a number';
  }
  const deletion = metadata.deletionTimestamp;
  if (!isAbsent(deletion) && typeof deletion !== 'string') {
    return 'metadata.deletionTimestamp is not a timestamp';
  }
  return undefined;
}

function statusProblem(status: unknown): string | undefined {
  if (isAbsent(status)) return undefined;
  if (!isRecord(status)) return 'status is not an object';
  if (
    !isAbsent(status.observedGeneration) &&
    !isCount(status.observedGeneration)
  ) {
    return 'status.observedGeneration is not a number';
  }
  const conditions = status.conditions;
  if (isAbsent(conditions)) return undefined;
  if (!Array.isArray(conditions)) return 'status.conditions is not a list';
  if (
    conditions.length > 0 &&
    !(isRecord(conditions[0]) && typeof conditions[0].type === 'string')
  ) {
    return 'status.conditions[0] has no type';
  }
  return undefined;
}

function firstCondition(
  status: Record<string, unknown>,
): CarvelResourceFacts['condition'] {
  const conditions = status.conditions;
  if (!Array.isArray(conditions) || !isRecord(conditions[0])) return undefined;
  return {
    type: String(conditions[0].type),
    message: readText(conditions[0].message),
  };
}

export function readCarvelResource(
  value: unknown,
  kind: CarvelResourceKind,
): CarvelResourceReading {
  if (!isRecord(value)) return { problem: `Malformed ${kind}: not an object` };
  const { metadata, spec, status } = value;
  const malformed = (problem: string) => ({
    problem: `Malformed ${kind}: ${problem}`,
  });
  if (!isRecord(metadata)) return malformed('metadata is missing');
  if (!isRecord(spec)) return malformed('spec is missing');
  const problem = metadataProblem(metadata) ?? statusProblem(status);
  if (problem) return malformed(problem);

  const statusFields = isRecord(status) ? status : {};
  return {
    facts: {
      kind,
      generation: isCount(metadata.generation)
        ? metadata.generation
        : undefined,
      observedGeneration: isCount(statusFields.observedGeneration)
        ? statusFields.observedGeneration
        : undefined,
      hasStatus: isRecord(status),
      deletionRequested: readText(metadata.deletionTimestamp) !== undefined,
      paused: spec.paused === true,
      canceled: spec.canceled === true,
      condition: firstCondition(statusFields),
      friendlyDescription: readText(statusFields.friendlyDescription),
      usefulErrorMessage: readText(statusFields.usefulErrorMessage),
      annotations: readAnnotations(metadata.annotations),
      status: statusFields,
    },
  };
}
