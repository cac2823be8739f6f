/**
 * Thousands of watched objects repeat the same values: namespaces, package names, versions,
 * conditions, whole specs. Keeping one frozen copy of each is most of the memory a cluster costs.
 */
export class ValueInterner {
  private readonly values = new Map<string, unknown>();

  constructor(private readonly maxEntries = 100_000) {}

  string<T extends string | undefined>(value: T): T {
    if (value === undefined) return value;
    return this.lookup(`s${value}`, value);
  }

  /** A deeply frozen shared copy of a JSON-like value. */
  object<T>(value: T): T {
    if (value === undefined || value === null) return value;
    return this.lookup(`o${JSON.stringify(value)}`, value, true);
  }

  get size(): number {
    return this.values.size;
  }

  private lookup<T>(key: string, value: T, freeze = false): T {
    const existing = this.values.get(key);
    if (existing !== undefined) return existing as T;
    // Past the cap (unusually diverse values) new values are simply not shared.
    if (this.values.size < this.maxEntries) {
      this.values.set(key, freeze ? deepFreeze(value) : value);
    }
    return value;
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    Object.values(value as object).forEach(deepFreeze);
  }
  return value;
}

/** One interner for every cluster: the same package is usually on many clusters. */
export const sharedValues = new ValueInterner();
