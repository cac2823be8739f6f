import {
  JsonObject,
  ResourceType,
  apiVersionOf,
  isJsonObject,
} from './resources';

/** RFC 3339 with whole seconds, as metav1.Time serialises. */
export function formatTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function metadataOf(object: JsonObject): JsonObject {
  return isJsonObject(object.metadata) ? object.metadata : {};
}

export function stringField(
  object: JsonObject,
  field: string,
): string | undefined {
  const value = object[field];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function finalizersOf(metadata: JsonObject): string[] {
  return Array.isArray(metadata.finalizers)
    ? metadata.finalizers.filter((f): f is string => typeof f === 'string')
    : [];
}

const SERVER_METADATA_ORDER = [
  'name',
  'generateName',
  'namespace',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
];

/** Metadata in the order the API server writes it, without undefined fields. */
export function orderedMetadata(metadata: JsonObject): JsonObject {
  const result: JsonObject = {};
  for (const key of SERVER_METADATA_ORDER) {
    if (metadata[key] !== undefined) result[key] = metadata[key];
  }
  for (const [key, value] of Object.entries(metadata)) {
    if (value !== undefined && !(key in result)) result[key] = value;
  }
  return result;
}

/** `apiVersion`, `kind`, `metadata` first, then the remaining top-level fields in their given order. */
export function withTypeMeta(
  type: ResourceType,
  object: JsonObject,
  metadata: JsonObject,
): JsonObject {
  const result: JsonObject = {
    apiVersion: apiVersionOf(type),
    kind: type.kind,
    metadata: orderedMetadata(metadata),
  };
  for (const [key, value] of Object.entries(object)) {
    if (
      value !== undefined &&
      key !== 'apiVersion' &&
      key !== 'kind' &&
      key !== 'metadata'
    ) {
      result[key] = value;
    }
  }
  return result;
}

/** Everything `generation` tracks: the object without metadata and status. */
export function specContent(object: JsonObject): string {
  const content: JsonObject = { ...object };
  delete content.metadata;
  delete content.status;
  delete content.apiVersion;
  delete content.kind;
  return JSON.stringify(content);
}

const NAME_SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export function generateNameSuffix(random: () => number = Math.random): string {
  let suffix = '';
  for (let i = 0; i < 5; i++) {
    suffix +=
      NAME_SUFFIX_ALPHABET[Math.floor(random() * NAME_SUFFIX_ALPHABET.length)];
  }
  return suffix;
}
