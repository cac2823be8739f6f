import {
  actualPackageInstallOf,
  compareDrift,
  relateDeployedCommit,
  type AppState,
  type ClusterCarvelState,
  type DeployedCommitRelation,
  type DesiredPackageInstall,
  type DesiredState,
  type DesiredStateSource,
  type PackageInstall,
  type PackageInstallState,
} from '@carvel-gitops/plugin-carvel-common';
import { boundMessage } from './boundMessage';
import type { ClusterView } from './buildClusterState';
import { indexDeliveringApps } from './deliveringApps';
import type { DeployedCommitMemory } from './DeployedCommitMemory';
import { namespacedName } from '../cluster/NamespacedObjects';

export interface AddDriftOptions {
  /** The GitOps repository mirror; without it, drift is left out of the response. */
  source?: DesiredStateSource;
  /** Every watched cluster, also those the entity does not show (the delivering Apps live there). */
  views: ClusterView[];
  packageNames: string[];
  /** The entity's `carvel.dev/namespace`, if any. */
  namespace?: string;
  /** How long one status answer waits for the mirror's ancestry questions before saying unknown. */
  commitQuestionTimeoutMs?: number;
  /** Keeps each App's last deployed commit across answers. */
  memory?: DeployedCommitMemory;
  /** A commit's web page in a followed repository, if its host has one. */
  commitUrl?: (repository: string, sha: string) => string | undefined;
}

const DEFAULT_COMMIT_QUESTION_TIMEOUT_MS = 2000;

/**
 * Drift rows per row of the answer and what they were compared from: rows are derived once per
 * object version, so a row with the same desired install, App commit and relation has the same drift.
 */
const driftRows = new WeakMap<
  PackageInstallState,
  { inputs: unknown[]; row: PackageInstallState }
>();

const installsIndexed = new WeakMap<
  readonly PackageInstall[],
  Map<string, PackageInstall>
>();

/** A package's PackageInstalls on a cluster by namespace/name, once per answer of its index. */
function installsByName(
  installs: readonly PackageInstall[],
): Map<string, PackageInstall> {
  let byName = installsIndexed.get(installs);
  if (!byName) {
    byName = new Map(
      installs.map(i => [
        namespacedName(i.metadata.namespace, i.metadata.name),
        i,
      ]),
    );
    installsIndexed.set(installs, byName);
  }
  return byName;
}

function deepFreeze<T extends object>(value: T): T {
  for (const field of Object.values(value)) {
    if (field && typeof field === 'object') deepFreeze(field);
  }
  return Object.freeze(value);
}

const installKey = (cluster: string, namespace: string, name: string) =>
  `${cluster}\n${namespace}\n${name}`;

function answerWithin<T>(
  promise: Promise<T>,
  timeoutMs: number,
  fallback: T,
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<T>(resolve => {
    timer = setTimeout(() => resolve(fallback), timeoutMs);
  });
  return Promise.race([promise.catch(() => fallback), timeout]).finally(() =>
    clearTimeout(timer),
  );
}

/** Asks each (deployed, head) pair once per answer, bounded in time. */
function commitRelations(source: DesiredStateSource, timeoutMs: number) {
  const asked = new Map<string, Promise<DeployedCommitRelation>>();
  return (deployed: string | undefined, head: string) => {
    const key = `${deployed}\n${head}`;
    let relation = asked.get(key);
    if (!relation) {
      relation = answerWithin(
        relateDeployedCommit(deployed, head, (a, d) => source.isAncestor(a, d)),
        timeoutMs,
        'unknown' as DeployedCommitRelation,
      );
      asked.set(key, relation);
    }
    return relation;
  };
}

function desiredByInstall(state: DesiredState, packageNames: string[]) {
  const desired = new Map<string, DesiredPackageInstall>();
  for (const repository of state.repositories) {
    for (const install of repository.packageInstalls) {
      const key = installKey(install.cluster, install.namespace, install.name);
      if (packageNames.includes(install.packageName) && !desired.has(key)) {
        desired.set(key, install);
      }
    }
  }
  return desired;
}

function missingRow(desired: DesiredPackageInstall): PackageInstallState {
  return {
    namespace: desired.namespace,
    name: desired.name,
    packageName: desired.packageName,
    constraints: desired.constraints,
    status: 'unknown',
    description: 'Not on the cluster',
  };
}

const appsWithTarget = new WeakMap<
  AppState,
  { targetCluster: string; app: AppState }
>();

function withTargetCluster(app: AppState, targetCluster?: string): AppState {
  if (!targetCluster) return app;
  const known = appsWithTarget.get(app);
  if (known?.targetCluster === targetCluster) return known.app;
  const placed = Object.freeze({ ...app, targetCluster });
  appsWithTarget.set(app, { targetCluster, app: placed });
  return placed;
}

/** The answer's cluster state with drift, the same object while its rows and Apps are the same. */
const clustersWithDrift = new WeakMap<ClusterCarvelState, ClusterCarvelState>();

function clusterWithDrift(
  state: ClusterCarvelState,
  packageInstalls: PackageInstallState[],
  apps: AppState[],
): ClusterCarvelState {
  const known = clustersWithDrift.get(state);
  const same = <T>(a: readonly T[], b: readonly T[]) =>
    a.length === b.length && a.every((item, i) => item === b[i]);
  if (
    known &&
    same(known.packageInstalls, packageInstalls) &&
    same(known.apps, apps)
  ) {
    return known;
  }
  const withDrift = Object.freeze({
    ...state,
    packageInstalls: Object.freeze(packageInstalls) as PackageInstallState[],
    apps: Object.freeze(apps) as AppState[],
  });
  if (Object.isFrozen(state)) clustersWithDrift.set(state, withDrift);
  return withDrift;
}

const desiredSummary = (wanted: DesiredPackageInstall) => ({
  constraints: wanted.constraints,
  commit: wanted.commit,
  committedAt: wanted.committedAt,
  file: wanted.file,
});

/**
 * Adds the contract's drift fields to each PackageInstall of the answer, and a row for each
 * PackageInstall git declares that a cluster which answered does not have.
 */
export async function addDrift(
  states: ClusterCarvelState[],
  options: AddDriftOptions,
): Promise<ClusterCarvelState[]> {
  const { source } = options;
  const desiredState = source?.desiredState();
  if (!source || !desiredState?.repositories.length) return states;
  const repositoryKnown = desiredState.repositories.some(r => r.commit);
  const desired = desiredByInstall(desiredState, options.packageNames);
  const problems = desiredState.repositories.flatMap(r => r.problems);
  const appsInGit = desiredState.repositories.flatMap(r => r.apps);
  const deliveringApps = indexDeliveringApps(
    options.views,
    options.packageNames,
    appsInGit,
    options.memory,
  );
  const relate = commitRelations(
    source,
    options.commitQuestionTimeoutMs ?? DEFAULT_COMMIT_QUESTION_TIMEOUT_MS,
  );

  const withDrift = async (
    cluster: string,
    row: PackageInstallState,
    onCluster: PackageInstall | undefined,
  ): Promise<PackageInstallState> => {
    const wanted = desired.get(installKey(cluster, row.namespace, row.name));
    const app = deliveringApps.find(row.packageName, cluster);
    const file = `${row.packageName}/${cluster}/packageinstall.yaml`;
    const desiredProblem = wanted
      ? undefined
      : problems.find(p => p.file === file)?.message;
    const deliveringApp = app && {
      deployedCommit: app.deployedCommit,
      relation: wanted
        ? await relate(app.deployedCommit, wanted.commit)
        : ('unknown' as const),
      commitsUnknown:
        !app.fetchedCommit && !app.deployedCommit && !app.fetchFailed,
    };
    const urlOf = (sha: string | undefined) =>
      wanted && sha ? options.commitUrl?.(wanted.repository, sha) : undefined;
    const inputs = [
      repositoryKnown,
      wanted,
      desiredProblem,
      onCluster,
      deliveringApp?.deployedCommit,
      deliveringApp?.relation,
      deliveringApp?.commitsUnknown,
      urlOf(wanted?.commit),
      urlOf(deliveringApp?.deployedCommit),
    ];
    const known = driftRows.get(row);
    if (known && known.inputs.every((input, i) => input === inputs[i])) {
      return known.row;
    }
    const drift = compareDrift({
      repositoryKnown,
      desired: wanted,
      desiredProblem,
      actual: onCluster ? actualPackageInstallOf(onCluster) : undefined,
      deliveringApp,
    });
    const deployedCommitUrl = urlOf(drift.deployedCommit);
    const commitUrl = urlOf(wanted?.commit);
    const withDriftRow = deepFreeze({
      ...row,
      ...drift,
      driftDetail: boundMessage(drift.driftDetail),
      ...(deployedCommitUrl ? { deployedCommitUrl } : {}),
      ...(wanted
        ? {
            desired: {
              ...desiredSummary(wanted),
              ...(commitUrl ? { commitUrl } : {}),
            },
          }
        : {}),
    });
    driftRows.set(row, { inputs, row: withDriftRow });
    return withDriftRow;
  };

  const viewsByName = new Map(options.views.map(v => [v.name, v]));
  const desiredByCluster = new Map<string, DesiredPackageInstall[]>();
  for (const install of desired.values()) {
    const onThatCluster = desiredByCluster.get(install.cluster) ?? [];
    onThatCluster.push(install);
    desiredByCluster.set(install.cluster, onThatCluster);
  }
  return Promise.all(
    states.map(async state => {
      const view = viewsByName.get(state.name);
      const onCluster = (
        packageName: string,
        namespace: string,
        name: string,
      ) =>
        view &&
        installsByName(view.packageInstalls.get(packageName)).get(
          namespacedName(namespace, name),
        );
      // A cluster that did not answer has not lost its PackageInstalls.
      const missing =
        state.state === 'ok'
          ? (desiredByCluster.get(state.name) ?? []).filter(
              d =>
                (!options.namespace || d.namespace === options.namespace) &&
                !onCluster(d.packageName, d.namespace, d.name),
            )
          : [];
      const rows = await Promise.all([
        ...state.packageInstalls.map(row =>
          withDrift(
            state.name,
            row,
            onCluster(row.packageName, row.namespace, row.name),
          ),
        ),
        ...missing.map(d => withDrift(state.name, missingRow(d), undefined)),
      ]);
      return clusterWithDrift(
        state,
        rows,
        state.apps.map(app =>
          app.targetCluster
            ? app
            : withTargetCluster(
                app,
                deliveringApps.gitTargetOf(app.namespace, app.name),
              ),
        ),
      );
    }),
  );
}
