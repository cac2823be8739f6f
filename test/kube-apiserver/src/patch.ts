import { isJsonObject } from './resources';

export class PatchError extends Error {}

/** RFC 7386 JSON merge patch: objects merge recursively, `null` deletes, anything else replaces. */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isJsonObject(patch)) {
    return patch;
  }
  const result: Record<string, unknown> = isJsonObject(target)
    ? { ...target }
    : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete result[key];
    } else {
      result[key] = applyMergePatch(result[key], value);
    }
  }
  return result;
}

interface JsonPatchOperation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  from?: string;
  value?: unknown;
}

function parsePointer(pointer: string): string[] {
  if (pointer === '') {
    return [];
  }
  if (!pointer.startsWith('/')) {
    throw new PatchError(`invalid JSON pointer "${pointer}"`);
  }
  return pointer
    .slice(1)
    .split('/')
    .map(token => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

type Container = Record<string, unknown> | unknown[];

function resolveParent(
  document: unknown,
  tokens: string[],
): { parent: Container; key: string } {
  let current = document;
  for (const token of tokens.slice(0, -1)) {
    if (Array.isArray(current)) {
      current = current[Number(token)];
    } else if (isJsonObject(current)) {
      current = current[token];
    } else {
      current = undefined;
    }
    if (current === undefined) {
      throw new PatchError(
        `doc is missing path: "/${tokens.join('/')}": missing value`,
      );
    }
  }
  if (!Array.isArray(current) && !isJsonObject(current)) {
    throw new PatchError(`doc is missing path: "/${tokens.join('/')}"`);
  }
  return { parent: current, key: tokens[tokens.length - 1] };
}

function readPointer(document: unknown, pointer: string): unknown {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) {
    return document;
  }
  const { parent, key } = resolveParent(document, tokens);
  const value = Array.isArray(parent) ? parent[Number(key)] : parent[key];
  if (value === undefined) {
    throw new PatchError(`doc is missing path: "${pointer}": missing value`);
  }
  return value;
}

function arrayIndex(array: unknown[], key: string, forInsert: boolean): number {
  if (forInsert && key === '-') {
    return array.length;
  }
  const index = Number(key);
  const limit = forInsert ? array.length : array.length - 1;
  if (!/^\d+$/.test(key) || index > limit) {
    throw new PatchError(`array index ${key} out of bounds`);
  }
  return index;
}

function addValue(document: unknown, pointer: string, value: unknown): unknown {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) {
    return value;
  }
  const { parent, key } = resolveParent(document, tokens);
  if (Array.isArray(parent)) {
    parent.splice(arrayIndex(parent, key, true), 0, value);
  } else {
    parent[key] = value;
  }
  return document;
}

function removeValue(document: unknown, pointer: string): unknown {
  const tokens = parsePointer(pointer);
  const { parent, key } = resolveParent(document, tokens);
  if (Array.isArray(parent)) {
    parent.splice(arrayIndex(parent, key, false), 1);
  } else {
    if (!Object.hasOwn(parent, key)) {
      throw new PatchError(`doc is missing path: "${pointer}"`);
    }
    delete parent[key];
  }
  return document;
}

/** RFC 6902 JSON patch, applied to a copy of `target`. */
export function applyJsonPatch(target: unknown, operations: unknown): unknown {
  if (!Array.isArray(operations)) {
    throw new PatchError('a JSON patch must be an array of operations');
  }
  let document: unknown = structuredClone(target);
  for (const raw of operations as JsonPatchOperation[]) {
    if (!isJsonObject(raw) || typeof raw.path !== 'string') {
      throw new PatchError('invalid JSON patch operation');
    }
    switch (raw.op) {
      case 'add':
        document = addValue(document, raw.path, structuredClone(raw.value));
        break;
      case 'remove':
        document = removeValue(document, raw.path);
        break;
      case 'replace':
        readPointer(document, raw.path);
        if (raw.path !== '') {
          document = removeValue(document, raw.path);
        }
        document = addValue(document, raw.path, structuredClone(raw.value));
        break;
      case 'move': {
        const value = readPointer(document, raw.from ?? '');
        document = removeValue(document, raw.from ?? '');
        document = addValue(document, raw.path, value);
        break;
      }
      case 'copy':
        document = addValue(
          document,
          raw.path,
          structuredClone(readPointer(document, raw.from ?? '')),
        );
        break;
      case 'test':
        if (
          JSON.stringify(readPointer(document, raw.path)) !==
          JSON.stringify(raw.value)
        ) {
          throw new PatchError(`testing value ${raw.path} failed`);
        }
        break;
      default:
        throw new PatchError(`Unexpected kind: ${String(raw.op)}`);
    }
  }
  return document;
}
