/**
 * A fixed-capacity ring of items with ascending revisions. Evicting an item raises
 * `compactedRevision`, below which history (and so watches and snapshots) is gone.
 */
export class RevisionHistory<T extends { revision: number }> {
  private readonly items: Array<T | undefined>;
  private start = 0;
  private count = 0;
  private compacted: number;

  constructor(readonly capacity: number, initialRevision = 0) {
    if (capacity < 1) {
      throw new Error('history capacity must be at least 1');
    }
    this.items = new Array(capacity);
    this.compacted = initialRevision;
  }

  /** Every item with a revision greater than this is still held. */
  get compactedRevision(): number {
    return this.compacted;
  }

  get size(): number {
    return this.count;
  }

  push(item: T): void {
    if (this.count === this.capacity) {
      const evicted = this.items[this.start] as T;
      this.compacted = evicted.revision;
      this.items[this.start] = undefined;
      this.start = (this.start + 1) % this.capacity;
      this.count--;
    }
    this.items[(this.start + this.count) % this.capacity] = item;
    this.count++;
  }

  private at(index: number): T {
    return this.items[(this.start + index) % this.capacity] as T;
  }

  /** Items with revision > `revision`, oldest first; undefined when they were compacted away. */
  after(revision: number): T[] | undefined {
    if (revision < this.compacted) {
      return undefined;
    }
    let low = 0;
    let high = this.count;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.at(middle).revision <= revision) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    const result: T[] = [];
    for (let index = low; index < this.count; index++) {
      result.push(this.at(index));
    }
    return result;
  }

  /** Forgets everything up to `revision`, as etcd compaction does. */
  compact(revision: number): void {
    while (this.count > 0 && this.at(0).revision <= revision) {
      this.items[this.start] = undefined;
      this.start = (this.start + 1) % this.capacity;
      this.count--;
    }
    this.compacted = Math.max(this.compacted, revision);
  }
}
