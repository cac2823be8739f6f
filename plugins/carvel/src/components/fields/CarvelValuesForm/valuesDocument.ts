export type ValuesDocument = Record<string, unknown>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `path`, if the document has one (own properties only). */
export function valueAt(document: ValuesDocument, path: string[]): unknown {
  let current: unknown = document;
  for (const key of path) {
    if (
      !isRecord(current) ||
      !Object.prototype.hasOwnProperty.call(current, key)
    ) {
      return undefined;
    }
    current = current[key];
  }
  return current;
}

/**
 * A copy of the document with `value` at `path` (`[]`: the whole document); `undefined` removes it, and an object left empty
 * by that is removed too (the Package's defaults then apply, nothing is written to git).
 */
export function withValueAt(
  document: ValuesDocument,
  path: string[],
  value: unknown,
): ValuesDocument {
  const [key, ...rest] = path;
  if (key === undefined) return isRecord(value) ? value : {};
  const copy: ValuesDocument = { ...document };
  const next =
    rest.length === 0
      ? value
      : withValueAt(
          isRecord(copy[key]) ? (copy[key] as ValuesDocument) : {},
          rest,
          value,
        );
  if (
    next === undefined ||
    (rest.length > 0 && Object.keys(next as object).length === 0)
  ) {
    delete copy[key];
  } else {
    // defineProperty: a key such as __proto__ stays an own property.
    Object.defineProperty(copy, key, {
      value: next,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}
