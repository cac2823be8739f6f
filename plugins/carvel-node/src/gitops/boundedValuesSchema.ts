export interface ValuesSchemaLimits {
  /** Bytes of the schema as JSON. */
  maxBytes: number;
  /** Nesting of objects and arrays. */
  maxDepth: number;
}

export const DEFAULT_VALUES_SCHEMA_LIMITS: ValuesSchemaLimits = {
  maxBytes: 64 * 1024,
  maxDepth: 32,
};

/** A Package's `spec.valuesSchema.openAPIv3` within the limits, or a sentence saying why it was dropped. */
export type BoundedValuesSchema =
  | { schema: Record<string, unknown> }
  | { problem: string };

type Fields = Record<string, unknown>;

const isFields = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads `spec.valuesSchema.openAPIv3` of a Package spec; undefined when it has none. The walk
 * stops at the first bound it breaks, so a hostile schema costs no more than the limits.
 */
export function boundValuesSchema(
  spec: unknown,
  limits: ValuesSchemaLimits = DEFAULT_VALUES_SCHEMA_LIMITS,
): BoundedValuesSchema | undefined {
  const valuesSchema = isFields(spec) ? spec.valuesSchema : undefined;
  const openAPIv3 = isFields(valuesSchema) ? valuesSchema.openAPIv3 : undefined;
  if (openAPIv3 === undefined || openAPIv3 === null) return undefined;
  if (!isFields(openAPIv3)) {
    return { problem: 'valuesSchema.openAPIv3 is not an object' };
  }
  const tooBig = {
    problem: `valuesSchema is more than ${limits.maxBytes} bytes as JSON and was left out`,
  };
  const walk = walkWithinLimits(openAPIv3, limits);
  if (walk === 'too-deep') {
    return {
      problem: `valuesSchema nests deeper than ${limits.maxDepth} levels and was left out`,
    };
  }
  if (walk === 'too-big') return tooBig;
  const json = JSON.stringify(openAPIv3);
  if (Buffer.byteLength(json) > limits.maxBytes) return tooBig;
  return { schema: JSON.parse(json) };
}

/** Counts at least the JSON bytes of keys and strings, and stops at the first bound broken. */
function walkWithinLimits(
  value: unknown,
  limits: ValuesSchemaLimits,
): 'ok' | 'too-deep' | 'too-big' {
  let bytes = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current === 'string') bytes += current.length + 2;
    else if (current && typeof current === 'object') {
      if (depth > limits.maxDepth) return 'too-deep';
      bytes += 2;
      for (const key in current) {
        if (!Object.prototype.hasOwnProperty.call(current, key)) continue;
        bytes += key.length + 4;
        if (bytes > limits.maxBytes) return 'too-big';
        stack.push([(current as Fields)[key], depth + 1]);
      }
    } else bytes += String(current).length;
    if (bytes > limits.maxBytes) return 'too-big';
  }
  return 'ok';
}
