/** The names a picker value holds: a list, or one name when `multiple: false`. */
export function chosenClusterNames(value: unknown): string[] {
  if (typeof value === 'string') return value ? [value] : [];
  if (!Array.isArray(value)) return [];
  return value.filter(
    (name): name is string => typeof name === 'string' && name !== '',
  );
}

/** The field's value for these names; `undefined` when none, so `required` applies. */
export function clusterPickerValue(
  names: string[],
  multiple: boolean,
): string[] | string | undefined {
  if (names.length === 0) return undefined;
  return multiple ? names : names[names.length - 1];
}
