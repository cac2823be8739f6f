import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  ANNOTATION_APP_PACKAGE_REF_NAME,
  ANNOTATION_GITOPS_APP_PACKAGE_NAME,
  type ClusterError,
  type ClusterSyncState,
  type PackageInstall,
} from '@carvel-gitops/plugin-carvel-common';
import type { ClusterConfig } from '../config/readClusterConfigs';
import {
  appResource,
  CarvelResource,
  packageInstallResource,
  packageResource,
  SlimApp,
  SlimPackage,
} from './carvelResources';
import { classifyClusterError } from './classifyClusterError';
import type { Clock } from './Clock';
import { kubeConfigFor } from './kubeConfigFor';
import { KeepAliveAgents } from './KeepAliveAgents';
import { kubeRequestFor } from './kubeRequest';
import type { ListGate } from './ListGate';
import { PackageIndex } from './PackageIndex';
import { ResourceClient, resourceClientFor } from './ResourceClient';
import { ResourceWatcher } from './ResourceWatcher';
import { ValueInterner } from './ValueInterner';
import { defaultWatchSettings, WatchSettings } from './WatchSettings';

export interface ClusterWatcherOptions {
  logger: LoggerService;
  /** Bounds and timing; the defaults of config.d.ts when absent. */
  settings?: WatchSettings;
  /** Shorthand for `settings.requestTimeoutMs` when no settings are given. */
  requestTimeoutMs?: number;
  /** Bounds the list page bodies read and parsed at once, across clusters. */
  listGate?: ListGate;
  /** Bounds the list requests in flight, across clusters. */
  requestGate?: ListGate;
  clock?: Clock;
  random?: () => number;
  /** The requests for one resource; by default HTTP(S) to the cluster the config names. */
  clientFor?(resource: CarvelResource<any>): ResourceClient;
  /**
   * Called with the package names whose state changed on this cluster;
   * `clusterStateChanged` when the cluster itself went into or out of an error.
   */
  onChange(
    cluster: string,
    packageNames: Set<string>,
    clusterStateChanged: boolean,
  ): void;
}

/** What the fleet and the status service read of one watched cluster. */
export interface WatchedCluster {
  readonly config: ClusterConfig;
  readonly name: string;
  readonly state: ClusterSyncState;
  readonly error?: ClusterError;
  /** In error, but still showing what was listed before. */
  readonly stale: boolean;
  readonly lastSyncedAt?: string;
  readonly requestCount: number;
  readonly packageInstalls: PackageIndex<PackageInstall>;
  readonly packages: PackageIndex<SlimPackage>;
  readonly apps: PackageIndex<SlimApp>;
  start(): void;
  stop(): void;
  whenSettled(timeoutMs: number): Promise<boolean>;
}

/** Watches PackageInstalls, Packages and Apps of one cluster and indexes them by package name. */
export class ClusterWatcher implements WatchedCluster {
  readonly packageInstalls = new PackageIndex<PackageInstall>(
    p => p.spec.packageRef.refName,
  );
  readonly packages = new PackageIndex<SlimPackage>(p => p.spec.refName);
  readonly apps = new PackageIndex<SlimApp>(
    a =>
      a.metadata.annotations?.[ANNOTATION_GITOPS_APP_PACKAGE_NAME] ??
      a.metadata.annotations?.[ANNOTATION_APP_PACKAGE_REF_NAME],
  );
  /** This cluster's shared values: forgotten with the cluster. */
  readonly values = new ValueInterner();
  private readonly watchers: ResourceWatcher<any>[] = [];
  private readonly agents = new KeepAliveAgents();
  private configError?: ClusterError;
  private lastState?: string;

  constructor(
    readonly config: ClusterConfig,
    private readonly options: ClusterWatcherOptions,
  ) {
    const settings = options.settings ?? {
      ...defaultWatchSettings,
      requestTimeoutMs:
        options.requestTimeoutMs ?? defaultWatchSettings.requestTimeoutMs,
    };
    let clientFor = options.clientFor;
    if (!clientFor) {
      try {
        const request = kubeRequestFor(kubeConfigFor(config), this.agents);
        clientFor = resource =>
          resourceClientFor(request, resource, settings, options.listGate);
      } catch (error) {
        this.configError = {
          ...classifyClusterError(error, 'the cluster configuration'),
          since: new Date().toISOString(),
        };
        options.logger.error(
          `Cluster ${config.name} is misconfigured: ${
            (error as Error).message
          }`,
        );
        return;
      }
    }
    const watch = <T extends { metadata: { name: string } }>(
      resource: CarvelResource<T>,
      index: PackageIndex<any>,
    ) =>
      new ResourceWatcher<any>({
        clusterName: config.name,
        resource,
        client: clientFor!(resource),
        values: this.values,
        settings,
        logger: options.logger,
        clock: options.clock,
        random: options.random,
        requestGate: options.requestGate,
        onStateChange: () => this.notifyStateChange(),
        onChange: changes => {
          const touched = index.apply(changes);
          if (touched.size > 0) options.onChange(config.name, touched, false);
        },
      });
    this.watchers.push(
      watch(packageInstallResource, this.packageInstalls),
      watch(packageResource, this.packages),
      watch(appResource, this.apps),
    );
  }

  get name(): string {
    return this.config.name;
  }

  start(): void {
    this.watchers.forEach(w => w.start());
  }

  stop(): void {
    this.watchers.forEach(w => w.stop());
    this.agents.destroy();
  }

  /** Waits until every resource finished its first list, at most `timeoutMs`; true when settled. */
  async whenSettled(timeoutMs: number): Promise<boolean> {
    const settled = await Promise.all(
      this.watchers.map(w => w.whenSettled(timeoutMs)),
    );
    return settled.every(Boolean);
  }

  get state(): ClusterSyncState {
    if (this.configError || this.watchers.some(w => w.state === 'error'))
      return 'error';
    return this.watchers.every(w => w.state === 'synced')
      ? 'synced'
      : 'syncing';
  }

  /** The most telling error: PackageInstalls first, since they are what the tab is about. */
  get error(): ClusterError | undefined {
    return (
      this.configError ?? this.watchers.find(w => w.state === 'error')?.error
    );
  }

  get stale(): boolean {
    return this.watchers.some(w => w.stale);
  }

  get lastSyncedAt(): string | undefined {
    const times = this.watchers.map(w => w.lastSyncedAt);
    if (times.some(t => !t)) return undefined;
    return times.sort()[0];
  }

  get requestCount(): number {
    return this.watchers.reduce((sum, w) => sum + w.requestCount, 0);
  }

  private notifyStateChange() {
    const state = `${this.state}:${this.error?.type ?? ''}:${
      this.error?.message ?? ''
    }`;
    if (state === this.lastState) return;
    this.lastState = state;
    const everyPackage = new Set([
      ...this.packageInstalls.packageNames(),
      ...this.packages.packageNames(),
      ...this.apps.packageNames(),
    ]);
    this.options.onChange(this.name, everyPackage, true);
  }
}
