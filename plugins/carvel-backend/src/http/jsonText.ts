const texts = new WeakMap<object, string>();

// Deeper values are written by JSON.stringify itself, which also refuses cycles as usual.
const MAX_DEPTH = 8;

/**
 * Appends the JSON of `value` to `out`; true when nothing in it can change (primitive or deeply
 * frozen). Nothing is appended for what JSON.stringify writes nothing for.
 */
function write(value: unknown, depth: number, out: string[]): boolean {
  if (typeof value !== 'object' || value === null) {
    const text = JSON.stringify(value);
    if (text !== undefined) out.push(text);
    return true;
  }
  if (
    depth > MAX_DEPTH ||
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  ) {
    const text = JSON.stringify(value);
    if (text !== undefined) out.push(text);
    return false;
  }
  const known = texts.get(value);
  if (known !== undefined) {
    out.push(known);
    return true;
  }
  const frozen = Object.isFrozen(value);
  // A frozen value is written on its own, to keep its text; any other straight into `out`.
  const parts = frozen ? [] : out;
  let fixed = frozen;
  if (Array.isArray(value)) {
    parts.push('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) parts.push(',');
      const before = parts.length;
      fixed = write(value[i], depth + 1, parts) && fixed;
      if (parts.length === before) parts.push('null');
    }
    parts.push(']');
  } else {
    const record = value as Record<string, unknown>;
    parts.push('{');
    let first = true;
    for (const key of Object.keys(record)) {
      const keyAt = parts.length;
      parts.push(`${first ? '' : ','}${JSON.stringify(key)}:`);
      fixed = write(record[key], depth + 1, parts) && fixed;
      if (parts.length === keyAt + 1) parts.length = keyAt;
      else first = false;
    }
    parts.push('}');
  }
  if (frozen) {
    const text = parts.join('');
    if (fixed) texts.set(value, text);
    out.push(text);
  }
  return fixed;
}

/**
 * The JSON of `value` as pieces to be joined, reusing the text of deeply frozen objects written
 * before: a status answer's cluster states and rows are frozen when their objects change, so an
 * answer is a few fresh pieces around the same strings, and can be compared piece by piece
 * without making one large string (each one over 128 KB costs V8 a large-object allocation).
 */
export function jsonParts(value: unknown): string[] {
  const out: string[] = [];
  write(value, 0, out);
  return out;
}
