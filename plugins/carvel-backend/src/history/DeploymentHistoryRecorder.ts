import type { LoggerService } from '@backstage/backend-plugin-api';
import type { PackageInstall } from '@carvel-gitops/plugin-carvel-common';
import type { SlimApp } from '../cluster/carvelResources';
import { CommitLookup, leadTimeSeconds } from './CommitLookup';
import {
  HISTORY_COLUMN_LIMITS,
  type DeploymentHistoryStore,
  type DeploymentTransition,
  type InstallRef,
} from './DeploymentHistoryStore';
import { observeSettledState, SettledState } from './observeSettledState';

/** What the recorder reads of the watched clusters (a ClusterFleet in production). */
export interface ObservedFleet {
  onPackageChange(
    listener: (packageNames: Set<string>, clusters: Set<string>) => void,
  ): () => void;
  clusters(): Array<{
    name: string;
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

const pairKey = (cluster: string, packageName: string) =>
  JSON.stringify([cluster, packageName]);

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
 * array it was read from: an array slot per PackageInstall instead of a map entry.
 */
interface StoredStates {
  readonly installs: readonly PackageInstall[];
  readonly keys: ReadonlyArray<string | undefined>;
}

const installName = (install: PackageInstall) =>
  `${install.metadata.namespace ?? ''}/${install.metadata.name}`;

/** Looks up the stored state of a PackageInstall, by its slot while the array is unchanged. */
class PreviousStates {
  private byName?: Map<string, string | undefined>;

  constructor(private readonly stored: StoredStates | undefined) {}

  keyOf(install: PackageInstall, index: number): string | undefined {
    const stored = this.stored;
    if (!stored) return undefined;
    if (stored.installs[index] === install) return stored.keys[index];
    this.byName ??= new Map(
      stored.installs.map((previous, i) => [
        installName(previous),
        stored.keys[i],
      ]),
    );
    return this.byName.get(installName(install));
  }
}

/**
 * Writes a row whenever a PackageInstall settles on a new (version, status). Work is serialised
 * and deduplicated per cluster × package, so a burst of changes never floods the database.
 */
export class DeploymentHistoryRecorder {
  private readonly pending = new Map<
    string,
    { cluster: string; packageName: string }
  >();
  /** Per cluster × package, the last stored state of each PackageInstall: unchanged ones cost no query. */
  private readonly known = new Map<string, StoredStates>();
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
          for (const packageName of packageNames) {
            this.pending.set(pairKey(cluster, packageName), {
              cluster,
              packageName,
            });
          }
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
    for (const [key, work] of this.pending) {
      this.pending.delete(key);
      try {
        await this.recordPackage(work.cluster, work.packageName);
      } catch (error) {
        this.options.logger.warn(
          `Could not record the deployment history of ${work.packageName} on ${
            work.cluster
          }: ${(error as Error).message}`,
        );
      }
    }
  }

  private async recordPackage(clusterName: string, packageName: string) {
    const cluster = this.options.fleet
      .clusters()
      .find(c => c.name === clusterName);
    if (!cluster) return;
    // kapp-controller names the App it creates for a PackageInstall after it.
    const appsByInstall = new Map(
      cluster.apps
        .get(packageName)
        .map(a => [
          `${a.metadata.namespace}/${a.ownerPackageInstall ?? a.metadata.name}`,
          a,
        ]),
    );
    const now = this.options.now?.() ?? new Date();
    const previous = new PreviousStates(
      this.known.get(pairKey(clusterName, packageName)),
    );
    const installs = cluster.packageInstalls.get(packageName);
    const keys: Array<string | undefined> = new Array(installs.length);
    const changed: Array<{
      ref: InstallRef;
      state: SettledState;
      key: string;
      index: number;
    }> = [];
    installs.forEach((install, index) => {
      const namespace = install.metadata.namespace ?? '';
      const name = install.metadata.name;
      const storedKey = previous.keyOf(install, index);
      const state = observeSettledState(
        install,
        appsByInstall.get(`${namespace}/${name}`),
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
          ref: { cluster: clusterName, namespace, name },
          state,
          key,
          index,
        });
      }
    });
    let failure: Error | undefined;
    if (changed.length > 0 && !this.stopped) {
      try {
        await this.recordChanged(packageName, changed);
        for (const { index, key } of changed) keys[index] = key;
      } catch (error) {
        failure = error as Error;
      }
    }
    if (this.stopped) return;
    // Rebuilt on every pass, so deleted PackageInstalls are forgotten; failed ones are tried again.
    this.known.set(pairKey(clusterName, packageName), { installs, keys });
    if (failure) {
      throw new Error(
        `${changed.length} PackageInstall(s) not recorded: ${failure.message}`,
      );
    }
  }

  /** One query for what is stored of them all, one insert per batch of what changed. */
  private async recordChanged(
    packageName: string,
    changed: Array<{ ref: InstallRef; state: SettledState }>,
  ) {
    const { store, commits, logger } = this.options;
    const recordable = changed.filter(({ ref, state }) => {
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
    for (const { ref, state } of recordable) {
      const before = latest.get(`${ref.namespace}/${ref.name}`);
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
