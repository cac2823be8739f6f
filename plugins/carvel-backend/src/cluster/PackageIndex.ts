import type { ObjectChange } from './ResourceWatcher';

const EMPTY: readonly never[] = Object.freeze([]);

/**
 * Objects of one resource grouped by the Package refName they belong to, for O(1) entity lookups.
 * Objects are tracked by identity: `previous` in a change is the instance that was added before.
 * Each package's objects are one frozen array, replaced when a change touches the package, so
 * readers may key caches on it and an object costs one array slot.
 */
export class PackageIndex<T extends object> {
  private readonly byPackage = new Map<string, readonly T[]>();

  constructor(
    private readonly packageNameOf: (object: T) => string | undefined,
  ) {}

  /** Applies changes and returns the package names they touched. */
  apply(changes: ObjectChange<T>[]): Set<string> {
    const removed = new Map<string, Set<T>>();
    const added = new Map<string, T[]>();
    for (const { previous, current } of changes) {
      const previousName = previous && this.packageNameOf(previous);
      const currentName = current && this.packageNameOf(current);
      if (previous && previousName) {
        let gone = removed.get(previousName);
        if (!gone) {
          gone = new Set();
          removed.set(previousName, gone);
        }
        gone.add(previous);
      }
      if (current && currentName) {
        let fresh = added.get(currentName);
        if (!fresh) {
          fresh = [];
          added.set(currentName, fresh);
        }
        fresh.push(current);
      }
    }
    const touched = new Set([...removed.keys(), ...added.keys()]);
    for (const name of touched) {
      const gone = removed.get(name);
      const before = this.byPackage.get(name) ?? [];
      const kept = gone ? before.filter(o => !gone.has(o)) : before;
      // concat allocates exactly the length needed.
      const after = kept.concat(added.get(name) ?? []);
      if (after.length === 0) this.byPackage.delete(name);
      else this.byPackage.set(name, Object.freeze(after));
    }
    return touched;
  }

  /** The package's objects; the same array until a change touches the package. */
  get(packageName: string): readonly T[] {
    return this.byPackage.get(packageName) ?? EMPTY;
  }

  packageNames(): string[] {
    return [...this.byPackage.keys()];
  }
}
