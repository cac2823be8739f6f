import type { Clock } from './Clock';
import { ClusterRequestTimeoutError } from './classifyClusterError';
import type { ListGate } from './ListGate';
import { NamedObject, NamespacedObjects } from './NamespacedObjects';
import type { ListPage } from './ResourceClient';
import { requestTimeout, withDeadline } from './withDeadline';

/** A list broke one of its bounds; the cluster is reported with this message. */
export class ListLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ListLimitError';
  }
}

export interface ListLimits {
  pageTimeoutMs: number;
  deadlineMs: number;
  maxPages: number;
  maxObjects: number;
}

export interface ListResult<T extends NamedObject> {
  items: NamespacedObjects<T>;
  resourceVersion?: string;
}

export interface ListResourceOptions<T extends NamedObject> {
  plural: string;
  paged: boolean;
  listPage(
    continueToken: string | undefined,
    signal: AbortSignal,
  ): Promise<ListPage>;
  /** Our own copy of one raw object; undefined (or a throw) skips it. */
  slim(raw: unknown): T | undefined;
  /** Gives back what `slim` took (interned values) for objects that are not kept. */
  release(object: T): void;
  onSkipped(reason: string): void;
  limits: ListLimits;
  /** Shared by all clusters; waiting for a slot is not part of a page's deadline. */
  requestGate?: ListGate;
  clock: Clock;
  /** Aborts the whole list (the watcher stopped). */
  signal: AbortSignal;
}

const isExpired = (error: unknown) => (error as any)?.code === 410;

/** Namespace/name for a log line, cut short: both come from the cluster. */
export function describeRaw(raw: any): string {
  const name = raw?.metadata?.name;
  const namespace = raw?.metadata?.namespace;
  if (typeof name !== 'string') return 'an object without a name';
  const full = typeof namespace === 'string' ? `${namespace}/${name}` : name;
  return full.length > 300 ? `${full.slice(0, 300)}…` : full;
}

async function listOnce<T extends NamedObject>(
  options: ListResourceOptions<T>,
  items: NamespacedObjects<T>,
  deadlineAt: number,
): Promise<string | undefined> {
  const { plural, limits, clock } = options;
  const seenTokens = new Set<string>();
  let continueToken: string | undefined;
  let resourceVersion: string | undefined;
  let pages = 0;
  let objects = 0;
  do {
    if (pages >= limits.maxPages) {
      throw new ListLimitError(
        `list of ${plural} exceeded ${limits.maxPages} pages`,
      );
    }
    const token = continueToken;
    const fetchPage = () => {
      const remaining = deadlineAt - clock.now();
      return withDeadline(
        clock,
        Math.max(0, Math.min(limits.pageTimeoutMs, remaining)),
        remaining < limits.pageTimeoutMs
          ? () =>
              new ClusterRequestTimeoutError(
                limits.deadlineMs,
                `list of ${plural} did not finish within ${
                  limits.deadlineMs / 1000
                } s`,
              )
          : requestTimeout(limits.pageTimeoutMs, `list of ${plural}`),
        options.signal,
        signal => options.listPage(token, signal),
      );
    };
    // A list under way goes first: clusters finish one after another instead of all at the end.
    const page = await (options.requestGate
      ? options.requestGate.run(fetchPage, token !== undefined)
      : fetchPage());
    pages++;
    objects += page.items.length;
    if (objects > limits.maxObjects) {
      throw new ListLimitError(
        `list of ${plural} exceeded ${limits.maxObjects} objects`,
      );
    }
    if (page.droppedDeep > 0) {
      options.onSkipped(
        `${page.droppedDeep} of ${plural} nested deeper than the limit`,
      );
    }
    for (const raw of page.items) {
      if (raw === null) continue;
      let slim: T | undefined;
      try {
        slim = options.slim(raw);
      } catch (error) {
        options.onSkipped(
          `${plural} ${describeRaw(raw)}: ${(error as Error).message}`,
        );
      }
      if (!slim) continue;
      const duplicate = items.set(slim);
      if (duplicate) options.release(duplicate);
    }
    if (page.continueToken && seenTokens.has(page.continueToken)) {
      throw new ListLimitError(
        `list of ${plural}: continue token repeated after ${pages} pages`,
      );
    }
    if (page.continueToken) seenTokens.add(page.continueToken);
    continueToken = page.continueToken;
    resourceVersion = page.resourceVersion;
  } while (continueToken && options.paged);
  return resourceVersion;
}

/**
 * Lists every object of one resource, slimming page by page so a full raw list is never held,
 * within bounds on pages, objects and total time. All or nothing: on any failure the objects
 * gathered so far are released and the error thrown.
 */
export async function listResource<T extends NamedObject>(
  options: ListResourceOptions<T>,
): Promise<ListResult<T>> {
  const deadlineAt = options.clock.now() + options.limits.deadlineMs;
  for (let attempt = 0; ; attempt++) {
    const items = new NamespacedObjects<T>();
    try {
      const resourceVersion = await listOnce(options, items, deadlineAt);
      return { items, resourceVersion };
    } catch (error) {
      for (const item of items.values()) options.release(item);
      // The snapshot behind a continue token expired while paging: start over, twice at most.
      if (isExpired(error) && attempt < 2 && !options.signal.aborted) continue;
      throw error;
    }
  }
}
