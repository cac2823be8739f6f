import type { LoggerService } from '@backstage/backend-plugin-api';
import type { ClusterConfig } from '../config/readClusterConfigs';
import {
  ClusterWatcher,
  ClusterWatcherOptions,
  WatchedCluster,
} from './ClusterWatcher';
import { ListGate } from './ListGate';

export type PackageChangeListener = (
  packageNames: Set<string>,
  clusters: Set<string>,
) => void;

export type ClusterWatcherFactory = (
  config: ClusterConfig,
  options: ClusterWatcherOptions,
) => WatchedCluster;

export interface ClusterFleetOptions
  extends Omit<ClusterWatcherOptions, 'onChange' | 'listGate' | 'requestGate'> {
  /** Makes the watcher of one cluster; a ClusterWatcher by default. */
  createWatcher?: ClusterWatcherFactory;
  /** How many list pages all clusters may read and parse at once; default 8. */
  concurrentListPages?: number;
  /** How many list requests all clusters may have in flight; default 32. */
  concurrentListRequests?: number;
  logger: LoggerService;
  /** Changes are batched for this long before listeners hear of them. */
  notifyDelayMs?: number;
}

const defaultWatcher: ClusterWatcherFactory = (config, options) =>
  new ClusterWatcher(config, options);

/** All watched clusters; follows configuration changes and batches change notifications. */
export class ClusterFleet {
  private readonly watchers = new Map<string, WatchedCluster>();
  private readonly listeners = new Set<PackageChangeListener>();
  /** Package names someone asked about: they hear about clusters going up or down. */
  private readonly interestingPackages = new Set<string>();
  private pendingPackages = new Set<string>();
  private pendingClusters = new Set<string>();
  private notifyTimer?: NodeJS.Timeout;

  private readonly listGate: ListGate;
  private readonly requestGate: ListGate;

  constructor(private readonly options: ClusterFleetOptions) {
    this.listGate = new ListGate(options.concurrentListPages ?? 8);
    this.requestGate = new ListGate(options.concurrentListRequests ?? 32);
  }

  /** Starts watchers for new clusters, stops removed ones, restarts changed ones. */
  update(configs: ClusterConfig[]): void {
    const wanted = new Map(configs.map(c => [c.name, c]));
    for (const [name, watcher] of this.watchers) {
      const next = wanted.get(name);
      if (!next || JSON.stringify(next) !== JSON.stringify(watcher.config)) {
        watcher.stop();
        this.watchers.delete(name);
        this.queue(new Set(this.interestingPackages), name);
      }
    }
    for (const config of configs) {
      if (this.watchers.has(config.name)) continue;
      const { createWatcher = defaultWatcher, ...watcherOptions } =
        this.options;
      const watcher = createWatcher(config, {
        ...watcherOptions,
        listGate: this.listGate,
        requestGate: this.requestGate,
        onChange: (cluster, packageNames, clusterStateChanged) => {
          const names = clusterStateChanged
            ? new Set([...packageNames, ...this.interestingPackages])
            : packageNames;
          this.queue(names, cluster);
        },
      });
      this.watchers.set(config.name, watcher);
      watcher.start();
    }
  }

  stop(): void {
    this.watchers.forEach(w => w.stop());
    this.watchers.clear();
    clearTimeout(this.notifyTimer);
  }

  clusters(): WatchedCluster[] {
    return [...this.watchers.values()];
  }

  onPackageChange(listener: PackageChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  markInteresting(packageNames: string[]): void {
    packageNames.forEach(n => this.interestingPackages.add(n));
  }

  get requestCount(): number {
    return this.clusters().reduce((sum, c) => sum + c.requestCount, 0);
  }

  private queue(packageNames: Set<string>, cluster: string) {
    if (packageNames.size === 0) return;
    packageNames.forEach(n => this.pendingPackages.add(n));
    this.pendingClusters.add(cluster);
    if (this.notifyTimer) return;
    this.notifyTimer = setTimeout(() => {
      this.notifyTimer = undefined;
      const packages = this.pendingPackages;
      const clusters = this.pendingClusters;
      this.pendingPackages = new Set();
      this.pendingClusters = new Set();
      for (const listener of this.listeners) {
        try {
          listener(packages, clusters);
        } catch (error) {
          this.options.logger.warn(
            `Carvel change listener failed: ${(error as Error).message}`,
          );
        }
      }
    }, this.options.notifyDelayMs ?? 100);
  }
}
