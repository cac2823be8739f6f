import type { ObjectChange } from './ResourceWatcher';

type Keyed = { metadata: { namespace?: string; name: string } };

/** Objects of one resource grouped by the Package refName they belong to, for O(1) entity lookups. */
export class PackageIndex<T extends Keyed> {
  private readonly byPackage = new Map<string, Map<string, T>>();

  constructor(private readonly packageNameOf: (object: T) => string | undefined) {}

  /** Applies changes and returns the package names they touched. */
  apply(changes: ObjectChange<T>[]): Set<string> {
    const touched = new Set<string>();
    for (const { previous, current } of changes) {
      const object = current ?? previous!;
      const key = `${object.metadata.namespace ?? ''}/${object.metadata.name}`;
      const previousName = previous && this.packageNameOf(previous);
      const currentName = current && this.packageNameOf(current);
      if (previousName) {
        this.byPackage.get(previousName)?.delete(key);
        if (this.byPackage.get(previousName)?.size === 0) this.byPackage.delete(previousName);
        touched.add(previousName);
      }
      if (currentName) {
        let group = this.byPackage.get(currentName);
        if (!group) {
          group = new Map();
          this.byPackage.set(currentName, group);
        }
        group.set(key, current!);
        touched.add(currentName);
      }
    }
    return touched;
  }

  get(packageName: string): T[] {
    return [...(this.byPackage.get(packageName)?.values() ?? [])];
  }

  packageNames(): string[] {
    return [...this.byPackage.keys()];
  }
}
