import {
  AppState,
  ClusterCarvelState,
  ClusterError,
  EntityCarvelStatus,
  PackageInstallState,
} from '@carvel-gitops/plugin-carvel-common';

/** One PackageInstall on one run cluster. */
export interface PackageInstallRow {
  kind: 'install';
  id: string;
  clusterName: string;
  install: PackageInstallState;
  /** Set when the cluster is in error: the row is what it listed before, possibly out of date. */
  stale?: { lastSyncedAt?: string };
}

/** A run cluster whose state could not be read; stands in for its PackageInstalls. */
export interface ClusterErrorRow {
  kind: 'cluster-error';
  id: string;
  clusterName: string;
  error: ClusterError;
  /** The cluster's rows below are what it listed before the error, possibly out of date. */
  stale?: { lastSyncedAt?: string };
}

export type PackageRow = PackageInstallRow | ClusterErrorRow;

export interface PackageSection {
  packageName: string;
  rows: PackageRow[];
  /** Healthy clusters that have no PackageInstall of this package. */
  clustersWithoutInstall: string[];
  /** Whether the Git column (drift, commits) says anything; false when no repository is followed. */
  showsGit: boolean;
}

/** One build-cluster App that delivers to a run cluster. */
export interface AppRow {
  id: string;
  /** The build cluster the App lives on. */
  clusterName: string;
  /** The run cluster it delivers to: its targetCluster, else the cluster it lives on. */
  runCluster: string;
  app: AppState;
}

export function packageInstallRowId(
  clusterName: string,
  install: Pick<PackageInstallState, 'namespace' | 'name'>,
): string {
  return `${clusterName}/${install.namespace}/${install.name}`;
}

function byNamespaceAndName(
  a: { namespace: string; name: string },
  b: { namespace: string; name: string },
): number {
  return a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name);
}

function clusterError(cluster: ClusterCarvelState): ClusterError {
  return (
    cluster.error ?? {
      type: 'unknown',
      message: 'The backend reported an error without details',
    }
  );
}

/**
 * The run clusters of a package: those holding a PackageInstall of it (including git's missing ones)
 * and those its Apps deliver to.
 */
function runClustersOf(
  status: EntityCarvelStatus,
  packageName: string,
): Set<string> {
  const names = new Set<string>();
  for (const cluster of status.clusters) {
    if (cluster.packageInstalls.some(i => i.packageName === packageName)) {
      names.add(cluster.name);
    }
    for (const app of cluster.apps) {
      if (app.packageName === undefined || app.packageName === packageName) {
        names.add(app.targetCluster ?? cluster.name);
      }
    }
  }
  return names;
}

/** Only delivers to other clusters (a build cluster), as far as its answer tells. */
function onlyDeliversElsewhere(cluster: ClusterCarvelState): boolean {
  return (
    cluster.packageInstalls.length === 0 &&
    cluster.apps.some(
      app =>
        app.targetCluster !== undefined && app.targetCluster !== cluster.name,
    )
  );
}

/**
 * Whether a cluster belongs in a package's card: it runs the package, or nothing says where the
 * package runs and it is not a build cluster, or it is in error and its answer cannot tell.
 */
function belongsToCard(
  cluster: ClusterCarvelState,
  runClusters: Set<string>,
): boolean {
  if (runClusters.has(cluster.name)) return true;
  if (onlyDeliversElsewhere(cluster)) return false;
  if (cluster.state === 'error') {
    return cluster.packageInstalls.length === 0 && cluster.apps.length === 0;
  }
  return runClusters.size === 0;
}

/** True when some PackageInstall of the answer has a drift other than 'unknown' or a desired state from git. */
export function hasGitState(status: EntityCarvelStatus): boolean {
  return status.clusters.some(cluster =>
    cluster.packageInstalls.some(
      install =>
        (install.drift !== undefined && install.drift !== 'unknown') ||
        install.desired !== undefined,
    ),
  );
}

/**
 * Groups an entity's PackageInstalls by package, one row per cluster and
 * PackageInstall, keeping the backend's cluster order.
 */
export function buildPackageSections(
  status: EntityCarvelStatus,
): PackageSection[] {
  const packageNames = [...status.packageNames];
  for (const cluster of status.clusters) {
    for (const install of cluster.packageInstalls) {
      if (!packageNames.includes(install.packageName)) {
        packageNames.push(install.packageName);
      }
    }
  }

  const showsGit = hasGitState(status);
  return packageNames.map(packageName => {
    const runClusters = runClustersOf(status, packageName);
    const rows: PackageRow[] = [];
    const clustersWithoutInstall: string[] = [];
    for (const cluster of status.clusters) {
      if (!belongsToCard(cluster, runClusters)) continue;
      const stale = cluster.state === 'error' ? cluster.stale ?? {} : undefined;
      if (cluster.state === 'error') {
        rows.push({
          kind: 'cluster-error',
          id: `${cluster.name}#error`,
          clusterName: cluster.name,
          error: clusterError(cluster),
          ...(cluster.stale ? { stale: cluster.stale } : {}),
        });
      }
      const installs = cluster.packageInstalls
        .filter(install => install.packageName === packageName)
        .sort(byNamespaceAndName);
      if (installs.length === 0 && cluster.state !== 'error') {
        clustersWithoutInstall.push(cluster.name);
      }
      for (const install of installs) {
        rows.push({
          kind: 'install',
          id: packageInstallRowId(cluster.name, install),
          clusterName: cluster.name,
          install,
          ...(stale ? { stale } : {}),
        });
      }
    }
    return { packageName, rows, clustersWithoutInstall, showsGit };
  });
}

export function buildAppRows(status: EntityCarvelStatus): AppRow[] {
  return status.clusters.flatMap(cluster =>
    [...cluster.apps].sort(byNamespaceAndName).map(app => ({
      id: `app:${cluster.name}/${app.namespace}/${app.name}`,
      clusterName: cluster.name,
      runCluster: app.targetCluster ?? cluster.name,
      app,
    })),
  );
}

/** True when no cluster has anything for the entity and none failed to answer. */
export function isNothingFound(status: EntityCarvelStatus): boolean {
  return status.clusters.every(
    cluster =>
      cluster.state !== 'error' &&
      cluster.packageInstalls.length === 0 &&
      cluster.apps.length === 0,
  );
}
