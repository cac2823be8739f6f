/** Kubernetes refuses a Secret whose data is larger than this (`MaxSecretSize`). */
export const MAX_SECRET_DATA_BYTES = 1024 * 1024;

/** Deeper values are refused before they are rendered or validated, both of which recurse. */
export const MAX_VALUES_DEPTH = 64;

/** Why `values` nest too deep to write, if they do; walks without recursion. */
export function checkValuesDepth(
  values: unknown,
  where: string,
): string | undefined {
  const pending: Array<[unknown, number]> = [[values, 1]];
  while (pending.length > 0) {
    const [value, depth] = pending.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_VALUES_DEPTH) {
      return `${where} nest deeper than ${MAX_VALUES_DEPTH} levels`;
    }
    for (const child of Object.values(value)) {
      pending.push([child, depth + 1]);
    }
  }
  return undefined;
}

/** Why a Secret with this `stringData` cannot be stored by Kubernetes, if it cannot. */
export function checkSecretSize(
  stringData: Record<string, string>,
  where: string,
): string | undefined {
  const bytes = Object.values(stringData).reduce(
    (sum, value) => sum + Buffer.byteLength(value, 'utf8'),
    0,
  );
  return bytes > MAX_SECRET_DATA_BYTES
    ? `${where} take ${bytes} bytes; a Secret holds at most ${MAX_SECRET_DATA_BYTES} bytes (1 MiB)`
    : undefined;
}
