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

const withTargetCluster = (app: AppState, targetCluster?: string) =>
  targetCluster ? { ...app, targetCluster } : app;

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
  if (!source) return states;
  const desiredState = source.desiredState();
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

  return Promise.all(
    states.map(async state => {
      const view = options.views.find(v => v.name === state.name);
      const onCluster = (
        packageName: string,
        namespace: string,
        name: string,
      ) =>
        view?.packageInstalls
          .get(packageName)
          .find(
            i => i.metadata.namespace === namespace && i.metadata.name === name,
          );
      // A cluster that did not answer has not lost its PackageInstalls.
      const missing =
        state.state === 'ok'
          ? [...desired.values()].filter(
              d =>
                d.cluster === state.name &&
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
      return {
        ...state,
        packageInstalls: rows,
        apps: state.apps.map(app =>
          app.targetCluster
            ? app
            : withTargetCluster(
                app,
                deliveringApps.gitTargetOf(app.namespace, app.name),
              ),
        ),
      };
    }),
  );
}
