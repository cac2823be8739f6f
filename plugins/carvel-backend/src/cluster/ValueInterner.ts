interface Entry {
  value: unknown;
  refs: number;
}

/**
 * Thousands of watched objects repeat the same values: namespaces, annotations, specs, settled
 * statuses. One frozen copy of each, reference-counted: a value no watched object holds any more
 * is forgotten, so a long-running cluster whose objects keep changing does not grow the table.
 */
export class ValueInterner {
  /** Keyed by the string itself, so sharing one costs no key of its own. */
  private readonly strings = new Map<string, Entry>();
  /** Keyed by the value's JSON, found again from the value on release. */
  private readonly objects = new Map<string, Entry>();

  constructor(private readonly maxEntries = 50_000) {}

  string<T extends string | undefined>(value: T): T {
    if (value === undefined) return value;
    return this.acquire(this.strings, value, value);
  }

  /** A deeply frozen shared copy of a JSON-like value (built by us, so of bounded depth). */
  object<T>(value: T): T {
    if (value === undefined || value === null) return value;
    return this.acquire(this.objects, JSON.stringify(value), value, true);
  }

  /** Gives back one reference taken by `string` or `object`. */
  release(value: unknown): void {
    let table: Map<string, Entry> | undefined;
    let key: string | undefined;
    if (typeof value === 'string') {
      table = this.strings;
      key = value;
    } else if (
      typeof value === 'object' &&
      value !== null &&
      Object.isFrozen(value)
    ) {
      table = this.objects;
      key = JSON.stringify(value);
    }
    const entry = key === undefined ? undefined : table!.get(key);
    // Strings have no identity: an unshared one (past the cap) may end sharing early, never correctness.
    if (!entry || entry.value !== value) return;
    entry.refs--;
    if (entry.refs <= 0) table!.delete(key!);
  }

  get size(): number {
    return this.strings.size + this.objects.size;
  }

  private acquire<T>(
    table: Map<string, Entry>,
    key: string,
    value: T,
    freeze = false,
  ): T {
    const existing = table.get(key);
    if (existing) {
      existing.refs++;
      return existing.value as T;
    }
    // Past the cap (unusually diverse values) new values are simply not shared.
    if (this.size >= this.maxEntries) return value;
    const stored = freeze ? deepFreeze(value) : value;
    table.set(key, { value: stored, refs: 1 });
    return stored;
  }
}

function deepFreeze<T>(value: T): T {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'object' && next !== null && !Object.isFrozen(next)) {
      Object.freeze(next);
      pending.push(...Object.values(next));
    }
  }
  return value;
}
