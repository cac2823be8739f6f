import type { ObjectChange } from './ResourceWatcher';

/**
 * Objects of one resource grouped by the Package refName they belong to, for O(1) entity lookups.
 * Objects are tracked by identity: `previous` in a change is the instance that was added before.
 */
export class PackageIndex<T extends object> {
  private readonly byPackage = new Map<string, Set<T>>();
  /** What `get` answered per package, until a change touches it: readers may key caches on it. */
  private readonly snapshots = new Map<string, readonly T[]>();

  constructor(
    private readonly packageNameOf: (object: T) => string | undefined,
  ) {}

  /** Applies changes and returns the package names they touched. */
  apply(changes: ObjectChange<T>[]): Set<string> {
    const touched = new Set<string>();
    for (const { previous, current } of changes) {
      const previousName = previous && this.packageNameOf(previous);
      const currentName = current && this.packageNameOf(current);
      if (previous && previousName) {
        const group = this.byPackage.get(previousName);
        group?.delete(previous);
        if (group?.size === 0) this.byPackage.delete(previousName);
        touched.add(previousName);
      }
      if (current && currentName) {
        let group = this.byPackage.get(currentName);
        if (!group) {
          group = new Set();
          this.byPackage.set(currentName, group);
        }
        group.add(current);
        touched.add(currentName);
      }
    }
    for (const name of touched) this.snapshots.delete(name);
    return touched;
  }

  /** The package's objects; the same array until a change touches the package. */
  get(packageName: string): readonly T[] {
    let snapshot = this.snapshots.get(packageName);
    if (!snapshot) {
      snapshot = Object.freeze([...(this.byPackage.get(packageName) ?? [])]);
      if (this.byPackage.has(packageName)) {
        this.snapshots.set(packageName, snapshot);
      }
    }
    return snapshot;
  }

  packageNames(): string[] {
    return [...this.byPackage.keys()];
  }
}
