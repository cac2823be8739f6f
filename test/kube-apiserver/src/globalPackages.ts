import { StoredObject } from './collection';
import { metadataOf } from './objectMeta';
import { isJsonObject } from './resources';

export const EXCLUDE_GLOBAL_PACKAGES_ANNOTATION =
  'kapp-controller.carvel.dev/exclude-global-packages';

/**
 * kapp-controller's aggregated API adds the packaging global namespace's Packages and
 * PackageMetadatas to namespaced LIST/GET, unless the namespace opts out by annotation.
 */
export function namespaceIncludesGlobal(
  namespace: string | undefined,
  globalNamespace: string | undefined,
  namespaceObject: StoredObject | undefined,
): boolean {
  if (!namespace || !globalNamespace || namespace === globalNamespace) {
    return false;
  }
  if (!namespaceObject) {
    return false;
  }
  const annotations = metadataOf(namespaceObject.object).annotations;
  return !(
    isJsonObject(annotations) &&
    Object.hasOwn(annotations, EXCLUDE_GLOBAL_PACKAGES_ANNOTATION)
  );
}

/** A global object as a namespaced request returns it: with `metadata.namespace` rewritten. */
export function asNamespaced(
  stored: StoredObject,
  namespace: string,
): StoredObject {
  const object = {
    ...stored.object,
    metadata: { ...metadataOf(stored.object), namespace },
  };
  return {
    ...stored,
    namespace,
    key: `${namespace}/${stored.name}`,
    object,
    json: JSON.stringify(object),
  };
}

/** Global objects first, replaced by a local object of the same name, then the remaining local ones. */
export function mergeWithGlobal(
  local: StoredObject[],
  global: StoredObject[],
  namespace: string,
): StoredObject[] {
  const localByName = new Map(local.map(stored => [stored.name, stored]));
  const merged = global.map(
    stored => localByName.get(stored.name) ?? asNamespaced(stored, namespace),
  );
  const globalNames = new Set(global.map(stored => stored.name));
  return [...merged, ...local.filter(stored => !globalNames.has(stored.name))];
}
