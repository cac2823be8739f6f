import type { LoggerService } from '@backstage/backend-plugin-api';
import type { ClusterError } from '@carvel-gitops/plugin-carvel-common';
import {
  CustomObjectsApi,
  KubeConfig,
  Observable,
  Watch,
} from '@kubernetes/client-node';
import type { CarvelResource } from './carvelResources';
import {
  classifyClusterError,
  ClusterRequestTimeoutError,
} from './classifyClusterError';
import type { ListGate } from './ListGate';

export type ResourceSyncState = 'syncing' | 'synced' | 'error';

export interface ObjectChange<T> {
  previous?: T;
  current?: T;
}

export interface ResourceWatcherOptions<T> {
  clusterName: string;
  kubeConfig: KubeConfig;
  resource: CarvelResource<T>;
  logger: LoggerService;
  requestTimeoutMs: number;
  /** Server-side watch timeout; the watch is reopened from the last resourceVersion after it. */
  watchTimeoutSeconds?: number;
  pageSize?: number;
  backoff?: { initialMs: number; maxMs: number };
  /** Shared by all clusters; bounds the list pages in flight. */
  listGate?: ListGate;
  onChange(changes: ObjectChange<T>[]): void;
  onStateChange(): void;
}

function keyOf(object: {
  metadata: { namespace?: string; name: string };
}): string {
  return `${object.metadata.namespace ?? ''}/${object.metadata.name}`;
}

class ListExpiredError extends Error {}

/**
 * Keeps an in-memory copy of one Carvel resource on one cluster, cluster-wide:
 * list (paged where the API allows it), then watch from the list's resourceVersion;
 * reopen the watch when the server closes it, relist on 410 Gone, back off on errors.
 */
export class ResourceWatcher<
  T extends {
    metadata: { namespace?: string; name: string; resourceVersion?: string };
  },
> {
  private objects = new Map<string, T>();
  private resourceVersion?: string;
  private stopped = true;
  private watchAbort?: AbortController;
  private watchdog?: NodeJS.Timeout;
  private retryTimer?: NodeJS.Timeout;
  private failures = 0;
  private firstSyncWaiters: Array<() => void> = [];
  private readonly api: CustomObjectsApi;

  state: ResourceSyncState = 'syncing';
  error?: ClusterError;
  lastSyncedAt?: string;
  /** Requests sent to the cluster (lists pages and watches), for benchmarks and tests. */
  requestCount = 0;

  constructor(private readonly options: ResourceWatcherOptions<T>) {
    this.api = options.kubeConfig.makeApiClient(CustomObjectsApi);
  }

  get resource(): CarvelResource<T> {
    return this.options.resource;
  }

  values(): IterableIterator<T> {
    return this.objects.values();
  }

  get size(): number {
    return this.objects.size;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.relist();
  }

  stop(): void {
    this.stopped = true;
    this.watchAbort?.abort();
    clearTimeout(this.watchdog);
    clearTimeout(this.retryTimer);
    this.releaseWaiters();
  }

  /** Resolves when the first list finished (successfully or not), or after `timeoutMs`. */
  whenSettled(timeoutMs: number): Promise<boolean> {
    if (this.state !== 'syncing' || this.stopped) return Promise.resolve(true);
    return new Promise(resolve => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.firstSyncWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  private releaseWaiters() {
    const waiters = this.firstSyncWaiters;
    this.firstSyncWaiters = [];
    waiters.forEach(w => w());
  }

  private get label() {
    return `${this.options.resource.plural} on cluster ${this.options.clusterName}`;
  }

  private async listPage(continueToken?: string): Promise<any> {
    const { group, version, plural, paged } = this.options.resource;
    const timeoutMs = this.options.requestTimeoutMs;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    this.requestCount++;
    try {
      return await this.api.listClusterCustomObject(
        {
          group,
          version,
          plural,
          ...(paged
            ? { limit: this.options.pageSize ?? 500, _continue: continueToken }
            : {}),
        },
        {
          middleware: [
            {
              pre: context => {
                context.setSignal(controller.signal);
                return new Observable(Promise.resolve(context));
              },
              post: context => new Observable(Promise.resolve(context)),
            },
          ],
          middlewareMergeStrategy: 'append',
        },
      );
    } catch (error) {
      if (controller.signal.aborted)
        throw new ClusterRequestTimeoutError(timeoutMs);
      if ((error as any)?.code === 410)
        throw new ListExpiredError('continue token expired');
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Every object, slimmed page by page so a full raw list is never held in memory. */
  private async listAll(): Promise<{
    items: Map<string, T>;
    resourceVersion?: string;
  }> {
    for (let attempt = 0; ; attempt++) {
      const items = new Map<string, T>();
      let continueToken: string | undefined;
      let resourceVersion: string | undefined;
      try {
        do {
          const token = continueToken;
          const page = this.options.listGate
            ? await this.options.listGate.run(() => this.listPage(token))
            : await this.listPage(token);
          for (const item of Array.isArray(page?.items) ? page.items : []) {
            const slim = this.options.resource.slim(item);
            if (slim) items.set(keyOf(slim), slim);
          }
          continueToken = page?.metadata?.continue || undefined;
          resourceVersion = page?.metadata?.resourceVersion;
        } while (continueToken && this.options.resource.paged && !this.stopped);
        return { items, resourceVersion };
      } catch (error) {
        // The snapshot behind a continue token expired while paging: start over once more.
        if (error instanceof ListExpiredError && attempt < 2) continue;
        throw error;
      }
    }
  }

  private async relist(): Promise<void> {
    if (this.stopped) return;
    try {
      const { items, resourceVersion } = await this.listAll();
      if (this.stopped) return;
      this.replaceAll(items);
      this.resourceVersion = resourceVersion;
      this.failures = 0;
      this.setState('synced');
      this.watch();
    } catch (error) {
      this.fail(error);
    }
  }

  private replaceAll(next: Map<string, T>) {
    const changes: ObjectChange<T>[] = [];
    for (const [key, current] of next) {
      const previous = this.objects.get(key);
      if (
        previous?.metadata.resourceVersion !==
          current.metadata.resourceVersion ||
        !previous
      ) {
        changes.push({ previous, current });
      }
    }
    for (const [key, previous] of this.objects) {
      if (!next.has(key)) changes.push({ previous });
    }
    this.objects = next;
    if (changes.length > 0) this.options.onChange(changes);
  }

  private applyEvent(type: string, object: any) {
    if (type === 'BOOKMARK') {
      this.resourceVersion =
        object?.metadata?.resourceVersion ?? this.resourceVersion;
      return;
    }
    const slim = this.options.resource.slim(object);
    if (object?.metadata?.resourceVersion)
      this.resourceVersion = object.metadata.resourceVersion;
    if (!slim) return;
    const key = keyOf(slim);
    const previous = this.objects.get(key);
    if (type === 'DELETED') {
      this.objects.delete(key);
      this.options.onChange([{ previous }]);
    } else if (type === 'ADDED' || type === 'MODIFIED') {
      this.objects.set(key, slim);
      this.options.onChange([{ previous, current: slim }]);
    }
  }

  private watch() {
    if (this.stopped) return;
    const { group, version, plural } = this.options.resource;
    const timeoutSeconds = this.options.watchTimeoutSeconds ?? 300;
    let expired = false;
    this.requestCount++;
    const watchStarted = Date.now();
    const done = (error: unknown) => {
      clearTimeout(this.watchdog);
      if (this.stopped) return;
      if (expired) {
        this.options.logger.debug(
          `Watch of ${this.label} expired (410 Gone); relisting`,
        );
        void this.relist();
      } else if (error) {
        this.options.logger.debug(
          `Watch of ${this.label} failed: ${(error as Error).message ?? error}`,
        );
        this.scheduleRetry(() => void this.relist());
      } else {
        // A clean close (server timeout, or the connection dropped): resume from the last resourceVersion.
        const lived = Date.now() - watchStarted;
        if (lived < 1000) this.scheduleRetry(() => this.watch());
        else this.watch();
      }
    };
    new Watch(this.options.kubeConfig)
      .watch(
        `/apis/${group}/${version}/${plural}`,
        {
          resourceVersion: this.resourceVersion,
          allowWatchBookmarks: true,
          timeoutSeconds,
        },
        (type, object) => {
          if (type === 'ERROR') {
            if (object?.code === 410) expired = true;
            this.watchAbort?.abort();
            return;
          }
          this.applyEvent(type, object);
        },
        done,
      )
      .then(controller => {
        this.watchAbort = controller;
        if (this.stopped) controller.abort();
      }, done);
    clearTimeout(this.watchdog);
    // A half-open connection never closes by itself: give up shortly after the server should have.
    this.watchdog = setTimeout(
      () => this.watchAbort?.abort(),
      (timeoutSeconds + 30) * 1000,
    );
  }

  private scheduleRetry(next: () => void) {
    this.failures++;
    const { initialMs, maxMs } = this.options.backoff ?? {
      initialMs: 1000,
      maxMs: 30_000,
    };
    const delay = Math.min(
      maxMs,
      initialMs * 2 ** Math.min(this.failures - 1, 16),
    );
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(next, delay);
  }

  private fail(error: unknown) {
    const classified = classifyClusterError(
      error,
      this.options.resource.plural,
    );
    const since =
      this.error && this.error.type === classified.type
        ? this.error.since
        : new Date().toISOString();
    if (this.failures === 0) {
      this.options.logger.warn(
        `Cannot list ${this.label}: ${classified.type}: ${classified.message}`,
      );
    }
    const changed =
      this.state !== 'error' || this.error?.message !== classified.message;
    this.error = { ...classified, since };
    this.setState('error', changed);
    this.scheduleRetry(() => void this.relist());
  }

  private setState(state: ResourceSyncState, changed = state !== this.state) {
    this.state = state;
    if (state === 'synced') {
      this.error = undefined;
      this.lastSyncedAt = new Date().toISOString();
    }
    this.releaseWaiters();
    if (changed) this.options.onStateChange();
  }
}
