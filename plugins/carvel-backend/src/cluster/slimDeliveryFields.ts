type Loose = Record<string, any>;

const isObject = (value: unknown): value is Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const optionalString = (value: unknown) =>
  typeof value === 'string' ? value : undefined;

/** More values entries than this are not a PackageInstall anyone writes; drift compares their names. */
const MAX_VALUES_ENTRIES = 50;

export function valuesSecretRefs(value: unknown) {
  if (!Array.isArray(value)) return undefined;
  return value
    .slice(0, MAX_VALUES_ENTRIES)
    .map(entry =>
      optionalString(
        isObject(entry) && isObject(entry.secretRef)
          ? entry.secretRef.name
          : undefined,
      ),
    )
    .filter((name): name is string => name !== undefined)
    .map(name => ({ secretRef: { name } }));
}

/** Where a PackageInstall or App deploys to: the kubeconfig Secret's name, never its key or content. */
export function slimTargetCluster(value: unknown) {
  if (!isObject(value)) return undefined;
  const secretName = isObject(value.kubeconfigSecretRef)
    ? optionalString(value.kubeconfigSecretRef.name)
    : undefined;
  return {
    namespace: optionalString(value.namespace),
    ...(secretName ? { kubeconfigSecretRef: { name: secretName } } : {}),
  };
}
