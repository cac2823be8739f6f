import {
  checkDnsSubdomain,
  findValuesProblems,
  type ValuesProblem,
} from '@carvel-gitops/plugin-carvel-common';
import type { ValuesDocument } from './valuesDocument';

/** What `CarvelValuesForm` hands to the template: the action's `values` and `existingSecrets`. */
export interface CarvelValuesFormValue {
  /** Written to git (the values Secret in params.yaml). */
  values: ValuesDocument;
  /** Secrets already on the run clusters holding the values kept out of git. */
  existingSecrets?: string[];
  /** Which Secret holds each field kept out of git, by the field's path as JSON. */
  secretFields?: Record<string, string>;
}

export const fieldKey = (path: string[]) => JSON.stringify(path);

/** The field path a `secretFields` key names; `[]` (the whole document) for a key this form did not make. */
export function pathOfFieldKey(key: string): string[] {
  try {
    const path: unknown = JSON.parse(key);
    return Array.isArray(path) && path.every(p => typeof p === 'string')
      ? path
      : [];
  } catch {
    return [];
  }
}

export function emptyValuesFormValue(): CarvelValuesFormValue {
  return { values: {} };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The form's value as the template holds it, tolerating anything (a query string can prefill it). */
export function readValuesFormValue(value: unknown): CarvelValuesFormValue {
  if (!isRecord(value)) return emptyValuesFormValue();
  const secretFields: Record<string, string> = {};
  if (isRecord(value.secretFields)) {
    for (const [key, name] of Object.entries(value.secretFields)) {
      if (typeof name === 'string') secretFields[key] = name;
    }
  }
  return {
    values: isRecord(value.values) ? value.values : {},
    ...withSecretFields(secretFields),
  };
}

/** `secretFields` and the `existingSecrets` they name: each Secret once, in the order first named. */
export function withSecretFields(
  secretFields: Record<string, string>,
): Pick<CarvelValuesFormValue, 'existingSecrets' | 'secretFields'> {
  const named = Object.entries(secretFields).filter(([, name]) => name !== '');
  if (named.length === 0) return {};
  return {
    secretFields: Object.fromEntries(named),
    existingSecrets: [...new Set(named.map(([, name]) => name))],
  };
}

/**
 * Every problem the action would report for these values (the same validator, from carvel-common),
 * and Secret names that are not valid Kubernetes names.
 */
export function findValuesFormProblems(
  valuesSchema: unknown,
  value: CarvelValuesFormValue,
): ValuesProblem[] {
  const secretProblems = Object.entries(value.secretFields ?? {}).flatMap(
    ([key, name]) => {
      const problem = checkDnsSubdomain(name, 'Secret name');
      return problem ? [{ path: pathOfFieldKey(key), message: problem }] : [];
    },
  );
  return [...findValuesProblems(valuesSchema, value.values), ...secretProblems];
}
