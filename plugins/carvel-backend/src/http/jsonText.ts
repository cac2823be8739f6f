const texts = new WeakMap<object, string>();

// Deeper values are written by JSON.stringify itself, which also refuses cycles as usual.
const MAX_DEPTH = 8;

interface Written {
  text: string | undefined;
  /** Nothing in it can change: the value is primitive or deeply frozen. */
  fixed: boolean;
}

function write(value: unknown, depth: number): Written {
  if (typeof value !== 'object' || value === null) {
    return { text: JSON.stringify(value), fixed: true };
  }
  if (
    depth > MAX_DEPTH ||
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  ) {
    return { text: JSON.stringify(value), fixed: false };
  }
  const known = texts.get(value);
  if (known !== undefined) return { text: known, fixed: true };
  let fixed = Object.isFrozen(value);
  const parts: string[] = [];
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item = write(value[i], depth + 1);
      fixed &&= item.fixed;
      parts.push(item.text ?? 'null');
    }
  } else {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const field = write(record[key], depth + 1);
      fixed &&= field.fixed;
      if (field.text !== undefined) {
        parts.push(`${JSON.stringify(key)}:${field.text}`);
      }
    }
  }
  const text = Array.isArray(value)
    ? `[${parts.join(',')}]`
    : `{${parts.join(',')}}`;
  if (fixed) texts.set(value, text);
  return { text, fixed };
}

/**
 * JSON.stringify(value), reusing the text of deeply frozen objects written before: a status answer's
 * rows are frozen when their object changes, so an answer writes only what is new since the last one.
 */
export function jsonText(value: unknown): string | undefined {
  return write(value, 0).text;
}
