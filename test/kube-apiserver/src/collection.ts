import { RevisionHistory } from './history';
import { JsonObject, ResourceType } from './resources';
import { ObjectFilter } from './selectors';

/** One version of one object, serialised once when written so reads can reuse the bytes. */
export interface StoredObject {
  key: string;
  namespace: string;
  name: string;
  revision: number;
  object: JsonObject;
  json: string;
}

export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoredEvent {
  type: EventType;
  revision: number;
  object: StoredObject;
  previous?: StoredObject;
}

export type EventListener = (event: StoredEvent) => void;

export interface PageRequest {
  namespace?: string;
  /** List the state as of this revision (consistent paging); the latest state when absent. */
  revision?: number;
  /** Key of the last item of the previous page. */
  startAfter?: string;
  limit?: number;
  filter?: ObjectFilter;
}

export interface Page {
  items: StoredObject[];
  /** Set when more keys follow: the key to continue after. */
  continueAfter?: string;
  remainingItemCount?: number;
}

export function objectKey(namespace: string, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

/** First index whose key is >= `key` (or > `key` when `strict`). */
function searchSorted(keys: string[], key: string, strict: boolean): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const before = strict ? keys[middle] <= key : keys[middle] < key;
    if (before) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}

/** The objects of one resource type, their recent change history and their watchers. */
export class ResourceCollection {
  private readonly objects = new Map<string, StoredObject>();
  private sortedKeyCache: string[] | undefined = [];
  private readonly history: RevisionHistory<StoredEvent>;
  private readonly listeners = new Set<EventListener>();
  private lastRevision: number;

  constructor(
    readonly type: ResourceType,
    historySize: number,
    initialRevision: number,
  ) {
    this.history = new RevisionHistory(historySize, initialRevision);
    this.lastRevision = initialRevision;
  }

  get size(): number {
    return this.objects.size;
  }

  get compactedRevision(): number {
    return this.history.compactedRevision;
  }

  get(key: string): StoredObject | undefined {
    return this.objects.get(key);
  }

  values(): IterableIterator<StoredObject> {
    return this.objects.values();
  }

  record(event: StoredEvent): void {
    const { key } = event.object;
    if (event.type === 'DELETED') {
      this.objects.delete(key);
      this.sortedKeyCache = undefined;
    } else {
      if (!this.objects.has(key)) {
        this.sortedKeyCache = undefined;
      }
      this.objects.set(key, event.object);
    }
    this.lastRevision = event.revision;
    this.history.push(event);
    for (const listener of [...this.listeners]) {
      listener(event);
    }
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get watcherCount(): number {
    return this.listeners.size;
  }

  /** Events after `revision`, or undefined when that revision is older than the kept history. */
  eventsAfter(revision: number): StoredEvent[] | undefined {
    return this.history.after(revision);
  }

  compact(revision: number): void {
    this.history.compact(revision);
  }

  private sortedKeys(): string[] {
    if (!this.sortedKeyCache) {
      this.sortedKeyCache = [...this.objects.keys()].sort();
    }
    return this.sortedKeyCache;
  }

  /** The state at `revision` as differences from the current state; undefined when compacted. */
  private overridesAt(
    revision: number | undefined,
  ): Map<string, StoredObject | null> | undefined | 'expired' {
    if (revision === undefined) {
      return undefined;
    }
    if (revision < this.history.compactedRevision) {
      return 'expired';
    }
    if (revision >= this.lastRevision) {
      return undefined;
    }
    const events = this.history.after(revision);
    if (!events) {
      return 'expired';
    }
    const overrides = new Map<string, StoredObject | null>();
    for (let index = events.length - 1; index >= 0; index--) {
      const event = events[index];
      overrides.set(
        event.object.key,
        event.type === 'ADDED' ? null : event.previous ?? null,
      );
    }
    return overrides;
  }

  /** The current objects in key order. */
  list(namespace?: string, filter?: ObjectFilter): StoredObject[] {
    const page = this.listPage({ namespace, filter });
    return page === 'expired' ? [] : page.items;
  }

  /** One page in key order, as of `request.revision`; 'expired' when that state is no longer known. */
  listPage(request: PageRequest): Page | 'expired' {
    const overrides = this.overridesAt(request.revision);
    if (overrides === 'expired') {
      return 'expired';
    }
    const keys = this.sortedKeys();
    const removedSince = overrides
      ? [...overrides.keys()].filter(key => !this.objects.has(key)).sort()
      : [];
    const prefix =
      this.type.namespaced && request.namespace ? `${request.namespace}/` : '';
    const startIndex = (list: string[]) =>
      Math.max(
        searchSorted(list, prefix, false),
        request.startAfter !== undefined
          ? searchSorted(list, request.startAfter, true)
          : 0,
      );
    let keyIndex = startIndex(keys);
    let removedIndex = startIndex(removedSince);
    const nextKey = (): string | undefined => {
      const fromKeys = keys[keyIndex];
      const fromRemoved = removedSince[removedIndex];
      const candidate =
        fromRemoved !== undefined &&
        (fromKeys === undefined || fromRemoved < fromKeys)
          ? fromRemoved
          : fromKeys;
      return candidate !== undefined && candidate.startsWith(prefix)
        ? candidate
        : undefined;
    };
    const advance = (key: string) => {
      if (keys[keyIndex] === key) keyIndex++;
      else removedIndex++;
    };

    const limit = request.limit && request.limit > 0 ? request.limit : Infinity;
    const items: StoredObject[] = [];
    for (let key = nextKey(); key !== undefined; key = nextKey()) {
      advance(key);
      const stored = overrides?.has(key)
        ? overrides.get(key)
        : this.objects.get(key);
      if (stored && (!request.filter || request.filter(stored.object))) {
        items.push(stored);
        if (items.length >= limit) {
          break;
        }
      }
    }
    const more = nextKey() !== undefined;
    const page: Page = { items };
    if (more && items.length > 0) {
      page.continueAfter = items[items.length - 1].key;
      if (!request.filter && !overrides) {
        const rangeEnd = prefix
          ? searchSorted(keys, `${prefix.slice(0, -1)}0`, false)
          : keys.length;
        page.remainingItemCount = rangeEnd - keyIndex;
      }
    }
    return page;
  }
}
