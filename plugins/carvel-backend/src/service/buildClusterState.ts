import {
  AppState,
  CarvelEntitySelection,
  ClusterCarvelState,
  ClusterError,
  ClusterSyncState,
  deriveAppState,
  describeConstraintNote,
  describeInstallVersions,
  derivePackageInstallState,
  Package,
  PackageInstall,
  PackageInstallState,
  readGitopsAppDelivery,
  sortVersions,
} from '@carvel-gitops/plugin-carvel-common';
import type { SlimApp } from '../cluster/carvelResources';
import { boundMessage } from './boundMessage';
import {
  capClusterItems,
  DEFAULT_MAX_ITEMS_PER_CLUSTER,
} from './capClusterItems';

/** What the status API reads of one watched cluster. */
export interface ClusterView {
  name: string;
  state: ClusterSyncState;
  error?: ClusterError;
  /** In error, but still holding what it listed before. */
  stale?: boolean;
  lastSyncedAt?: string;
  packageInstalls: { get(packageName: string): readonly PackageInstall[] };
  packages: { get(packageName: string): readonly Package[] };
  apps: { get(packageName: string): readonly SlimApp[] };
}

/**
 * Rows derived per object version: a watcher replaces an object on every change, never mutates it,
 * so a row stays right while its object, its App and its package's versions are the same instances.
 */
const installRows = new WeakMap<
  PackageInstall,
  {
    packageName: string;
    versions: readonly string[];
    ownedApp?: SlimApp;
    row: PackageInstallState;
  }
>();
const appRows = new WeakMap<SlimApp, { packageName: string; row: AppState }>();
const sortedVersions = new WeakMap<readonly Package[], readonly string[]>();

function versionsOf(packages: readonly Package[]): readonly string[] {
  let versions = sortedVersions.get(packages);
  if (!versions) {
    versions = sortVersions([...new Set(packages.map(p => p.spec.version))]);
    sortedVersions.set(packages, versions);
  }
  return versions;
}

function packageInstallRow(
  install: PackageInstall,
  packageName: string,
  versions: readonly string[],
  ownedApp: SlimApp | undefined,
): PackageInstallState {
  const cached = installRows.get(install);
  if (
    cached &&
    cached.packageName === packageName &&
    cached.versions === versions &&
    cached.ownedApp === ownedApp
  ) {
    return cached.row;
  }
  const row = Object.freeze(
    packageInstallState(install, packageName, versions, ownedApp),
  );
  installRows.set(install, { packageName, versions, ownedApp, row });
  return row;
}

function appRow(app: SlimApp, packageName: string): AppState {
  const cached = appRows.get(app);
  if (cached?.packageName === packageName) return cached.row;
  const row = Object.freeze(appState(app, packageName));
  appRows.set(app, { packageName, row });
  return row;
}

function packageInstallState(
  install: PackageInstall,
  packageName: string,
  versions: readonly string[],
  ownedApp: SlimApp | undefined,
): PackageInstallState {
  const derived = derivePackageInstallState(install, { app: ownedApp });
  const selection = install.spec?.packageRef?.versionSelection;
  const version = derived.deployedVersion ?? derived.version;
  const versionSummary = describeInstallVersions({
    version,
    lastAttemptedVersion: derived.lastAttemptedVersion,
    deployingVersion: derived.deployingVersion,
    constraints: selection?.constraints,
    versions,
  });
  return {
    namespace: install.metadata.namespace ?? '',
    name: install.metadata.name,
    packageName,
    constraints: selection?.constraints,
    constraintNote: boundMessage(
      describeConstraintNote(selection?.constraints, {
        prereleases: selection?.prereleases ?? null,
        versions,
      }),
    ),
    version,
    lastAttemptedVersion: versionSummary.lastAttemptedVersion,
    status: derived.status,
    description: boundMessage(derived.description),
    message: boundMessage(derived.message),
    previousError: boundMessage(derived.previousError),
    deployingVersion: derived.deployingVersion,
    runningVersion: derived.deployedVersion,
    lastConditionStatus: derived.lastConditionStatus,
    latestVersion: versionSummary.latestVersion,
    availableUpdate: versionSummary.availableUpdate,
    updatedAt: derived.updatedAt,
  };
}

function appState(app: SlimApp, packageName: string): AppState {
  const derived = deriveAppState(app);
  const delivery = readGitopsAppDelivery(app, app.fetchedCommit);
  return {
    namespace: app.metadata.namespace ?? '',
    name: app.metadata.name,
    packageName,
    status: derived.status,
    description: boundMessage(derived.description),
    message: boundMessage(derived.message),
    previousError: boundMessage(derived.previousError),
    lastConditionStatus: derived.lastConditionStatus,
    updatedAt: derived.updatedAt,
    targetCluster: delivery.targetCluster,
    fetchedCommit: delivery.fetchedCommit,
    deployedCommit: delivery.deployedCommit,
  };
}

export interface BuildClusterStateOptions {
  /** Whether the cluster answered its first list before the request's deadline. */
  settled: boolean;
  timeoutMs: number;
  /** At most this many PackageInstalls, and as many Apps, per cluster; default 500. */
  maxItemsPerCluster?: number;
}

function clusterError(
  cluster: ClusterView,
  options: BuildClusterStateOptions,
): ClusterError | undefined {
  if (cluster.state === 'error') return cluster.error;
  if (!options.settled && cluster.state === 'syncing') {
    return {
      type: 'timeout',
      message: `no answer from the cluster within ${
        options.timeoutMs / 1000
      } s`,
    };
  }
  return undefined;
}

/** Which of a cluster's objects and facts one answer was built from. */
function inputsOf(
  cluster: ClusterView,
  selection: CarvelEntitySelection,
  options: BuildClusterStateOptions,
): unknown[] {
  const inputs: unknown[] = [
    cluster.state,
    cluster.error,
    cluster.stale,
    cluster.lastSyncedAt,
    options.settled,
    options.timeoutMs,
    options.maxItemsPerCluster,
  ];
  for (const packageName of selection.packageNames) {
    inputs.push(
      cluster.packages.get(packageName),
      cluster.apps.get(packageName),
      cluster.packageInstalls.get(packageName),
    );
  }
  return inputs;
}

const sameInput = (a: unknown, b: unknown) =>
  a === b ||
  (Array.isArray(a) && Array.isArray(b) && a.length === 0 && b.length === 0);

const MAX_SELECTIONS_PER_CLUSTER = 64;

const selectionKeys = new WeakMap<CarvelEntitySelection, string>();

function selectionKey(selection: CarvelEntitySelection): string {
  let key = selectionKeys.get(selection);
  if (key === undefined) {
    key = JSON.stringify([selection.packageNames, selection.namespace]);
    selectionKeys.set(selection, key);
  }
  return key;
}

const builtStates = new WeakMap<
  ClusterView,
  Map<string, { inputs: unknown[]; state: ClusterCarvelState }>
>();

/**
 * The contract's per-cluster state for one entity: its packages' versions, PackageInstalls
 * (with the App kapp-controller made for each) and the GitOps Apps that deliver them.
 * Deeply frozen, and the same object while the cluster's objects for the selection stay the same.
 */
export function buildClusterState(
  cluster: ClusterView,
  selection: CarvelEntitySelection,
  options: BuildClusterStateOptions,
): ClusterCarvelState {
  const key = selectionKey(selection);
  const inputs = inputsOf(cluster, selection, options);
  let built = builtStates.get(cluster);
  if (!built) {
    built = new Map();
    builtStates.set(cluster, built);
  }
  const known = built.get(key);
  if (
    known &&
    known.inputs.length === inputs.length &&
    known.inputs.every((input, i) => sameInput(input, inputs[i]))
  ) {
    return known.state;
  }
  const state = freezeClusterState(
    deriveClusterState(cluster, selection, options),
  );
  built.delete(key);
  built.set(key, { inputs, state });
  if (built.size > MAX_SELECTIONS_PER_CLUSTER) {
    built.delete(built.keys().next().value!);
  }
  return state;
}

function freezeClusterState(state: ClusterCarvelState): ClusterCarvelState {
  state.packages.forEach(p => Object.freeze(Object.freeze(p).versions));
  Object.freeze(state.packages);
  Object.freeze(state.packageInstalls);
  Object.freeze(state.apps);
  return Object.freeze({
    ...state,
    ...(state.error ? { error: Object.freeze({ ...state.error }) } : {}),
    ...(state.stale ? { stale: Object.freeze({ ...state.stale }) } : {}),
  });
}

function deriveClusterState(
  cluster: ClusterView,
  selection: CarvelEntitySelection,
  options: BuildClusterStateOptions,
): ClusterCarvelState {
  const inNamespace = (object: { metadata: { namespace?: string } }) =>
    !selection.namespace || object.metadata.namespace === selection.namespace;
  const packages = [];
  const packageInstalls: PackageInstallState[] = [];
  const apps: AppState[] = [];
  for (const packageName of selection.packageNames) {
    const versions = versionsOf(cluster.packages.get(packageName));
    if (versions.length > 0) {
      packages.push({ packageName, versions: [...versions] });
    }
    const packageApps = cluster.apps.get(packageName);
    // kapp-controller names the App it creates for a PackageInstall after it.
    const appsByInstall = new Map(
      packageApps.map(a => [
        `${a.metadata.namespace}/${a.ownerPackageInstall ?? a.metadata.name}`,
        a,
      ]),
    );
    for (const install of cluster.packageInstalls
      .get(packageName)
      .filter(inNamespace)) {
      const ownedApp = appsByInstall.get(
        `${install.metadata.namespace}/${install.metadata.name}`,
      );
      packageInstalls.push(
        packageInstallRow(install, packageName, versions, ownedApp),
      );
    }
    apps.push(
      ...packageApps
        .filter(a => !a.ownerPackageInstall)
        .map(a => appRow(a, packageName)),
    );
  }
  const error = clusterError(cluster, options);
  const maxItems = options.maxItemsPerCluster ?? DEFAULT_MAX_ITEMS_PER_CLUSTER;
  const cappedInstalls = capClusterItems(packageInstalls, maxItems);
  const cappedApps = capClusterItems(apps, maxItems);
  return {
    name: cluster.name,
    state: error ? 'error' : 'ok',
    ...(error ? { error } : {}),
    packages,
    packageInstalls: cappedInstalls.items,
    apps: cappedApps.items,
    ...(cappedInstalls.omitted ? { truncated: cappedInstalls.omitted } : {}),
    ...(cappedApps.omitted ? { truncatedApps: cappedApps.omitted } : {}),
    ...(error && cluster.stale
      ? { stale: { lastSyncedAt: cluster.lastSyncedAt } }
      : {}),
  };
}
