import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  ClusterError,
  ClusterSyncState,
} from '@carvel-gitops/plugin-carvel-common';
import { BackoffPolicy } from './BackoffPolicy';
import type { CarvelResource } from './carvelResources';
import { classifyClusterError } from './classifyClusterError';
import { Clock, systemClock } from './Clock';
import { KubeHttpError } from './kubeRequest';
import type { ListGate } from './ListGate';
import { NamespacedObjects } from './NamespacedObjects';
import type { ResourceClient } from './ResourceClient';
import { listResource } from './ResourceLister';
import { runWatch, WatchEnd, WatchStreamError } from './runWatch';
import type { ValueInterner } from './ValueInterner';
import type { WatchSettings } from './WatchSettings';

export interface ObjectChange<T> {
  previous?: T;
  current?: T;
}

export interface WatchedObject {
  metadata: { namespace?: string; name: string; resourceVersion?: string };
}

export interface ResourceWatcherOptions<T> {
  clusterName: string;
  resource: CarvelResource<T>;
  client: ResourceClient;
  /** This cluster's shared values. */
  values: ValueInterner;
  settings: WatchSettings;
  logger: LoggerService;
  clock?: Clock;
  /** Random source of the backoff's jitter. */
  random?: () => number;
  /** Shared by all clusters; bounds the list requests in flight (their bodies have a gate of their own). */
  requestGate?: ListGate;
  onChange(changes: ObjectChange<T>[]): void;
  onStateChange(): void;
}

/** A watch that lived shorter than this and closed cleanly is retried with backoff, not at once. */
const SHORT_WATCH_MS = 1000;
/** Skipped objects logged per list or watch; the rest at debug level. */
const SKIPS_LOGGED = 20;

/** The stream itself broke (not the cluster's answer): reconnect quietly, it is not a cluster error. */
const isConnectionDrop = (error: WatchStreamError) =>
  !(error.cause instanceof KubeHttpError) &&
  (error.cause as Error)?.name !== 'LineTooLongError';

/**
 * Keeps an in-memory copy of one Carvel resource on one cluster: list (bounded, all or nothing),
 * then watch from the list's resourceVersion; reopen a watch the server closed, relist on
 * 410 Gone, back off (full jitter) on errors until a watch stayed healthy for a while.
 * Data listed before an error is kept and marked stale.
 */
export class ResourceWatcher<T extends WatchedObject> {
  private objects = new NamespacedObjects<T>();
  private resourceVersion?: string;
  private stopped = true;
  private lifetime = new AbortController();
  private retryTimer?: unknown;
  private healthyTimer?: unknown;
  private errorPhase?: 'list' | 'watch-open' | 'watch-stream';
  private skipsLogged = 0;
  private firstSyncWaiters: Array<() => void> = [];
  private readonly clock: Clock;
  private readonly backoff: BackoffPolicy;

  state: ClusterSyncState = 'syncing';
  error?: ClusterError;
  lastSyncedAt?: string;
  /** Requests sent to the cluster (list pages and watches), for benchmarks and tests. */
  requestCount = 0;

  constructor(private readonly options: ResourceWatcherOptions<T>) {
    this.clock = options.clock ?? systemClock;
    this.backoff = new BackoffPolicy({
      ...options.settings.backoff,
      random: options.random,
    });
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

  /** In error, but still holding what an earlier list returned. */
  get stale(): boolean {
    return this.state === 'error' && this.lastSyncedAt !== undefined;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.lifetime = new AbortController();
    void this.relist();
  }

  stop(): void {
    this.stopped = true;
    this.lifetime.abort(new Error('watcher stopped'));
    this.clock.clearTimeout(this.retryTimer);
    this.clock.clearTimeout(this.healthyTimer);
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

  private get plural() {
    return this.options.resource.plural;
  }

  private get label() {
    return `${this.plural} on cluster ${this.options.clusterName}`;
  }

  private async relist(): Promise<void> {
    if (this.stopped) return;
    const signal = this.lifetime.signal;
    const { resource, settings, values, requestGate } = this.options;
    this.skipsLogged = 0;
    try {
      const { items, resourceVersion } = await listResource<T>({
        plural: this.plural,
        paged: resource.paged,
        listPage: (token, pageSignal) => {
          this.requestCount++;
          return this.options.client.listPage(token, pageSignal);
        },
        requestGate,
        slim: raw => resource.slim(raw, values),
        release: object => resource.release(object, values),
        onSkipped: reason => this.skipped(reason),
        limits: {
          pageTimeoutMs: settings.requestTimeoutMs,
          deadlineMs: settings.listDeadlineMs,
          maxPages: settings.listPages,
          maxObjects: settings.listObjects,
        },
        clock: this.clock,
        signal,
      });
      if (signal.aborted) {
        for (const item of items.values()) resource.release(item, values);
        return;
      }
      this.replaceAll(items);
      this.resourceVersion = resourceVersion;
      this.lastSyncedAt = new Date(this.clock.now()).toISOString();
      // A watch that failed stays reported (the data stale) until a watch succeeds again.
      if (this.errorPhase === undefined || this.errorPhase === 'list') {
        this.setState('synced');
      }
      void this.watch();
    } catch (error) {
      if (signal.aborted) return;
      this.fail(error, 'list');
    }
  }

  private async watch(): Promise<void> {
    if (this.stopped) return;
    const signal = this.lifetime.signal;
    const { settings } = this.options;
    const startedAt = this.clock.now();
    let end: WatchEnd;
    try {
      end = await runWatch({
        plural: this.plural,
        openWatch: (resourceVersion, watchSignal) => {
          this.requestCount++;
          return this.options.client.openWatch(resourceVersion, watchSignal);
        },
        resourceVersion: this.resourceVersion,
        clock: this.clock,
        headerTimeoutMs: settings.requestTimeoutMs,
        maxDurationMs: (settings.watchSeconds + 30) * 1000,
        maxLineBytes: settings.watchLineBytes,
        maxObjectDepth: settings.objectDepth,
        signal,
        onOpen: () => this.watchOpened(),
        onEvent: (type, object) => this.applyEvent(type, object),
        onSkipped: reason => this.skipped(reason),
      });
    } catch (error) {
      this.clock.clearTimeout(this.healthyTimer);
      if (signal.aborted) return;
      if (error instanceof WatchStreamError && isConnectionDrop(error)) {
        this.options.logger.debug(
          `Watch of ${this.label} broke: ${error.message}; relisting`,
        );
        this.scheduleRetry(() => void this.relist());
      } else if (error instanceof WatchStreamError) {
        this.fail(error.cause, 'watch-stream');
      } else {
        this.fail(error, 'watch-open');
      }
      return;
    }
    this.clock.clearTimeout(this.healthyTimer);
    if (signal.aborted) return;
    const next =
      end === 'expired' ? () => void this.relist() : () => void this.watch();
    if (end === 'expired') {
      this.options.logger.debug(
        `Watch of ${this.label} expired (410 Gone); relisting`,
      );
    }
    if (this.clock.now() - startedAt < SHORT_WATCH_MS) this.scheduleRetry(next);
    else next();
  }

  private watchOpened() {
    this.clock.clearTimeout(this.healthyTimer);
    this.healthyTimer = this.clock.setTimeout(() => {
      this.backoff.reset();
      if (this.state === 'error') this.recovered();
    }, this.options.settings.backoff.healthyAfterMs);
    // A refused or unanswered watch is over once one is accepted; a broken stream only once one stayed healthy.
    if (this.state === 'error' && this.errorPhase === 'watch-open') {
      this.recovered();
    }
  }

  private recovered() {
    this.options.logger.info(`Watching ${this.label} again`);
    this.setState('synced');
  }

  private replaceAll(next: NamespacedObjects<T>) {
    const { resource, values } = this.options;
    const changes: ObjectChange<T>[] = [];
    for (const current of [...next.values()]) {
      const { namespace, name } = current.metadata;
      const previous = this.objects.get(namespace, name);
      if (
        previous &&
        previous.metadata.resourceVersion === current.metadata.resourceVersion
      ) {
        // Unchanged: keep the instance the indexes already hold.
        next.set(previous);
        resource.release(current, values);
      } else {
        changes.push({ previous, current });
      }
    }
    for (const previous of this.objects.values()) {
      const { namespace, name } = previous.metadata;
      if (!next.get(namespace, name)) changes.push({ previous });
    }
    this.objects = next;
    if (changes.length > 0) this.options.onChange(changes);
    for (const { previous } of changes) {
      if (previous) resource.release(previous, values);
    }
  }

  private applyEvent(type: string, object: any) {
    const resourceVersion = object?.metadata?.resourceVersion;
    if (typeof resourceVersion === 'string') {
      this.resourceVersion = resourceVersion;
    }
    if (type !== 'ADDED' && type !== 'MODIFIED' && type !== 'DELETED') return;
    const { resource, values } = this.options;
    const name = object?.metadata?.name;
    const namespace =
      typeof object?.metadata?.namespace === 'string'
        ? object.metadata.namespace
        : undefined;
    if (typeof name !== 'string') {
      this.skipped(`a ${type} event of ${this.plural} without a name`);
      return;
    }
    const previous = this.objects.get(namespace, name);
    const current =
      type === 'DELETED' ? undefined : resource.slim(object, values);
    if (type !== 'DELETED' && !current) {
      this.skipped(
        `${this.plural} ${namespace ?? ''}/${name}: not a readable object`,
      );
    }
    if (current) this.objects.set(current);
    else this.objects.delete(namespace, name);
    if (previous || current) this.options.onChange([{ previous, current }]);
    if (previous) resource.release(previous, values);
  }

  private skipped(reason: string) {
    const message = `Skipped ${reason} on cluster ${this.options.clusterName}`;
    if (this.skipsLogged++ < SKIPS_LOGGED) this.options.logger.warn(message);
    else this.options.logger.debug(message);
  }

  private scheduleRetry(next: () => void) {
    this.clock.clearTimeout(this.retryTimer);
    this.retryTimer = this.clock.setTimeout(next, this.backoff.nextDelayMs());
  }

  private fail(error: unknown, phase: 'list' | 'watch-open' | 'watch-stream') {
    const classified = classifyClusterError(error, this.plural);
    if (phase === 'watch-open' && error instanceof KubeHttpError) {
      const detail = (error.body as any)?.message;
      classified.message = `cannot watch ${this.plural}: ${classified.type}${
        typeof detail === 'string' ? ` (${detail.slice(0, 500)})` : ''
      }`;
    }
    const since =
      this.error && this.error.type === classified.type
        ? this.error.since
        : new Date(this.clock.now()).toISOString();
    const changed =
      this.state !== 'error' || this.error?.message !== classified.message;
    if (changed) {
      this.options.logger.warn(
        `${phase === 'list' ? 'Cannot list' : 'Cannot watch'} ${this.label}: ${
          classified.type
        }: ${classified.message}`,
      );
    }
    this.error = { ...classified, since };
    this.errorPhase = phase;
    this.setState('error', changed);
    this.scheduleRetry(() => void this.relist());
  }

  private setState(state: ClusterSyncState, changed = state !== this.state) {
    this.state = state;
    if (state === 'synced') {
      this.error = undefined;
      this.errorPhase = undefined;
    }
    this.releaseWaiters();
    if (changed) this.options.onStateChange();
  }
}
