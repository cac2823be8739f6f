import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  ClusterSyncState,
  PackageInstall,
} from '@carvel-gitops/plugin-carvel-common';
import type { SlimApp } from '../cluster/carvelResources';
import { CommitLookup, leadTimeSeconds } from './CommitLookup';
import {
  HISTORY_COLUMN_LIMITS,
  type DeploymentHistoryStore,
  type DeploymentTransition,
  type InstallRef,
} from './DeploymentHistoryStore';
import { observeSettledState, SettledState } from './observeSettledState';
import { namespacedName } from '../cluster/NamespacedObjects';

/** What the recorder reads of the watched clusters (a ClusterFleet in production). */
export interface ObservedFleet {
  onPackageChange(
    listener: (packageNames: Set<string>, clusters: Set<string>) => void,
  ): () => void;
  clusters(): Array<{
    name: string;
    /** Not read while `syncing`: its first list is incomplete. */
    state: ClusterSyncState;
    packageInstalls: { get(packageName: string): readonly PackageInstall[] };
    apps: { get(packageName: string): readonly SlimApp[] };
  }>;
}

export interface DeploymentHistoryRecorderOptions {
  fleet: ObservedFleet;
  store: DeploymentHistoryStore;
  commits: CommitLookup;
  logger: LoggerService;
  now?: () => Date;
}

/** A few package names for a log line, and how many more. */
function describePackages(packageNames: Set<string>): string {
  const named = [...packageNames].slice(0, 3).join(', ');
  const more = packageNames.size - 3;
  return more > 0 ? `${named} and ${more} more package(s)` : named;
}

/** A git object name, SHA-1 or SHA-256. */
const COMMIT_SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

function fitsHistory(
  install: InstallRef,
  packageName: string,
  state: SettledState,
): boolean {
  return (
    [install.cluster, install.namespace, install.name, packageName].every(
      value => value.length <= HISTORY_COLUMN_LIMITS.name,
    ) && (state.toVersion ?? '').length <= HISTORY_COLUMN_LIMITS.version
  );
}

const stateKey = (state: { toVersion?: string; status: string }) =>
  `${state.toVersion ?? ''}|${state.status}`;

const MAX_SHARED_STATE_KEYS = 10_000;

/**
 * The state last stored of each PackageInstall of one cluster × package, index by index beside the
 * array it was read from: an array slot per PackageInstall instead of a map entry, and one string
 * when they all have the same (a single PackageInstall, or all on one version).
 */
interface StoredStates {
  readonly installs: readonly PackageInstall[];
  readonly keys: string | undefined | ReadonlyArray<string | undefined>;
}

const keyAt = (keys: StoredStates['keys'], index: number) =>
  typeof keys === 'object' ? keys[index] : keys;

function compactKeys(keys: Array<string | undefined>): StoredStates['keys'] {
  for (let i = 1; i < keys.length; i++) if (keys[i] !== keys[0]) return keys;
  return keys[0];
}

const installName = (install: PackageInstall) =>
  namespacedName(install.metadata.namespace, install.metadata.name);

/** Looks up the stored state of a PackageInstall, by its slot while the array is unchanged. */
class PreviousStates {
  private byName?: Map<string, string | undefined>;

  constructor(private readonly stored: StoredStates | undefined) {}

  keyOf(install: PackageInstall, index: number): string | undefined {
    const stored = this.stored;
    if (!stored) return undefined;
    if (stored.installs[index] === install) return keyAt(stored.keys, index);
    this.byName ??= new Map(
      stored.installs.map((previous, i) => [
        installName(previous),
        keyAt(stored.keys, i),
      ]),
    );
    return this.byName.get(installName(install));
  }
}

interface ChangedInstall {
  ref: InstallRef;
  packageName: string;
  state: SettledState;
  key: string;
  /** Its slot in `keys`, where the state goes once stored. */
  index: number;
  keys: Array<string | undefined>;
}

/**
 * Writes a row whenever a PackageInstall settles on a new (version, status). Work is serialised
 * and deduplicated per cluster, so a burst of changes never floods the database: a cluster's
 * changed packages are read in one query and written in batches. A cluster is read once its first
 * list is complete (it then reports every package again), never from half its pages.
 */
export class DeploymentHistoryRecorder {
  /** Per cluster, the packages that changed there since its last pass. */
  private readonly pending = new Map<string, Set<string>>();
  /** Per cluster, then package, the last stored state of each PackageInstall: unchanged ones cost no query. */
  private readonly known = new Map<string, Map<string, StoredStates>>();
  /** Distinct `version|status` keys, shared by every PackageInstall in that state. */
  private readonly stateKeys = new Map<string, string>();
  private draining?: Promise<void>;
  private unsubscribe?: () => void;
  private stopped = false;

  constructor(private readonly options: DeploymentHistoryRecorderOptions) {}

  start(): void {
    this.unsubscribe = this.options.fleet.onPackageChange(
      (packageNames, clusters) => {
        for (const cluster of clusters) {
          const pending = this.pending.get(cluster) ?? new Set<string>();
          for (const packageName of packageNames) pending.add(packageName);
          this.pending.set(cluster, pending);
        }
        this.draining ??= this.drain().finally(() => {
          this.draining = undefined;
        });
      },
    );
  }

  /** Stops listening; resolves once the write in flight, if any, is done. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    this.pending.clear();
    await this.whenIdle();
  }

  /** Resolves once every change heard so far is recorded. */
  async whenIdle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    for (const [cluster, packageNames] of this.pending) {
      this.pending.delete(cluster);
      try {
        await this.recordCluster(cluster, packageNames);
      } catch (error) {
        this.options.logger.warn(
          `Could not record the deployment history of ${describePackages(
            packageNames,
          )} on ${cluster}: ${(error as Error).message}`,
        );
      }
    }
  }

  private async recordCluster(clusterName: string, packageNames: Set<string>) {
    const cluster = this.options.fleet
      .clusters()
      .find(c => c.name === clusterName);
    if (!cluster) {
      this.known.delete(clusterName);
      return;
    }
    if (cluster.state === 'syncing') return;
    const now = this.options.now?.() ?? new Date();
    const known = this.known.get(clusterName) ?? new Map();
    const passes: Array<
      [string, readonly PackageInstall[], Array<string | undefined>]
    > = [];
    const changed: ChangedInstall[] = [];
    for (const packageName of packageNames) {
      const installs = cluster.packageInstalls.get(packageName);
      const keys = this.observe(
        cluster,
        packageName,
        installs,
        known.get(packageName),
        now,
        changed,
      );
      passes.push([packageName, installs, keys]);
    }
    let failure: Error | undefined;
    if (changed.length > 0 && !this.stopped) {
      try {
        await this.recordChanged(changed);
        for (const { index, key, keys } of changed) keys[index] = key;
      } catch (error) {
        failure = error as Error;
      }
    }
    if (this.stopped) return;
    // Rebuilt on every pass, so deleted PackageInstalls are forgotten; failed ones are tried again.
    for (const [packageName, installs, keys] of passes) {
      if (installs.length > 0) {
        known.set(packageName, { installs, keys: compactKeys(keys) });
      } else {
        known.delete(packageName);
      }
    }
    this.known.set(clusterName, known);
    if (failure) {
      throw new Error(
        `${changed.length} PackageInstall(s) not recorded: ${failure.message}`,
      );
    }
  }

  /** The stored state of each of a package's PackageInstalls; those whose state changed go to `changed`. */
  private observe(
    cluster: ReturnType<ObservedFleet['clusters']>[number],
    packageName: string,
    installs: readonly PackageInstall[],
    stored: StoredStates | undefined,
    now: Date,
    changed: ChangedInstall[],
  ): Array<string | undefined> {
    // kapp-controller names the App it creates for a PackageInstall after it.
    const appsByInstall = new Map(
      cluster.apps
        .get(packageName)
        .map(a => [
          namespacedName(
            a.metadata.namespace,
            a.ownerPackageInstall ?? a.metadata.name,
          ),
          a,
        ]),
    );
    const previous = new PreviousStates(stored);
    const keys: Array<string | undefined> = new Array(installs.length);
    installs.forEach((install, index) => {
      const namespace = install.metadata.namespace ?? '';
      const name = install.metadata.name;
      const storedKey = previous.keyOf(install, index);
      const state = observeSettledState(
        install,
        appsByInstall.get(namespacedName(namespace, name)),
        now,
      );
      if (!state) {
        keys[index] = storedKey;
        return;
      }
      const key = this.sharedStateKey(state);
      if (storedKey === key) {
        keys[index] = key;
      } else {
        changed.push({
          ref: { cluster: cluster.name, namespace, name },
          packageName,
          state,
          key,
          index,
          keys,
        });
      }
    });
    return keys;
  }

  /** One query for what is stored of them all, one insert per batch of what changed. */
  private async recordChanged(changed: ChangedInstall[]) {
    const { store, commits, logger } = this.options;
    const recordable = changed.filter(({ ref, packageName, state }) => {
      if (fitsHistory(ref, packageName, state)) return true;
      logger.debug(
        `Not recording ${ref.namespace}/${ref.name} on ${ref.cluster}: a name or version is too long`,
      );
      return false;
    });
    if (recordable.length === 0) return;
    const latest = await store.latestOfEach(
      recordable[0].ref.cluster,
      recordable.map(c => c.ref),
    );
    const transitions: DeploymentTransition[] = [];
    for (const { ref, packageName, state } of recordable) {
      const before = latest.get(namespacedName(ref.namespace, ref.name));
      if (before && stateKey(before) === stateKey(state)) continue;
      const found = await commits.commitFor(
        ref.cluster,
        ref.namespace,
        ref.name,
      );
      const commit = found && COMMIT_SHA.test(found.sha) ? found : undefined;
      transitions.push({
        ...ref,
        packageName,
        fromVersion: before?.toVersion,
        toVersion: state.toVersion,
        status: state.status,
        commit: commit?.sha,
        at: state.at,
        leadTimeSeconds: leadTimeSeconds(commit, state.at),
        transitionId: state.transitionId,
      });
    }
    await store.recordAll(transitions);
  }

  private sharedStateKey(state: SettledState): string {
    const key = stateKey(state);
    const shared = this.stateKeys.get(key);
    if (shared !== undefined) return shared;
    if (this.stateKeys.size < MAX_SHARED_STATE_KEYS)
      this.stateKeys.set(key, key);
    return key;
  }
}
