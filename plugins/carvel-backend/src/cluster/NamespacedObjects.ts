export interface NamedObject {
  metadata: { namespace?: string; name: string };
}

/** `namespace/name`, the key of a namespaced object wherever one string is needed. */
export const namespacedName = (namespace: string | undefined, name: string) =>
  `${namespace ?? ''}/${name}`;

/**
 * Watched objects by namespace, then name. Keyed by the strings the objects already hold, so a
 * hundred thousand objects cost no `namespace/name` key strings.
 */
export class NamespacedObjects<T extends NamedObject> {
  private readonly byNamespace = new Map<string, Map<string, T>>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(namespace: string | undefined, name: string): T | undefined {
    return this.byNamespace.get(namespace ?? '')?.get(name);
  }

  /** Stores the object under its own namespace and name; returns the one it replaced. */
  set(object: T): T | undefined {
    const namespace = object.metadata.namespace ?? '';
    let names = this.byNamespace.get(namespace);
    if (!names) {
      names = new Map();
      this.byNamespace.set(namespace, names);
    }
    const previous = names.get(object.metadata.name);
    // A replaced entry keeps its key: the new object's name, so the old one's string can go.
    if (previous) names.delete(object.metadata.name);
    else this.count++;
    names.set(object.metadata.name, object);
    return previous;
  }

  delete(namespace: string | undefined, name: string): T | undefined {
    const names = this.byNamespace.get(namespace ?? '');
    const previous = names?.get(name);
    if (!names || !previous) return undefined;
    names.delete(name);
    this.count--;
    if (names.size === 0) this.byNamespace.delete(namespace ?? '');
    return previous;
  }

  *values(): IterableIterator<T> {
    for (const names of this.byNamespace.values()) yield* names.values();
  }
}
