/** Response shapes of the `carvel` backend plugin (see the public contract). */

export type ClusterSyncState = 'synced' | 'syncing' | 'error';

export type ClusterErrorType =
  | 'unreachable'
  | 'unauthorized'
  | 'forbidden'
  | 'crd-missing'
  | 'timeout'
  | 'unknown';

export interface ClusterError {
  type: ClusterErrorType;
  message: string;
  /** ISO-8601 time since when the cluster has been in this error. */
  since?: string;
  /** Which resource the error is about, e.g. `packageinstalls`. */
  resource?: string;
}

export interface ClusterSummary {
  name: string;
  state: ClusterSyncState;
  lastSyncedAt?: string;
  /** `<type>: <message>` of `clusterError` (the contract's string). */
  error?: string;
  /** The cluster's error, structured as in the entity status. */
  clusterError?: ClusterError;
}

export interface ClusterListResponse {
  items: ClusterSummary[];
}

/** Derived state of a PackageInstall or App (one model for backend and frontend). */
export type CarvelStatus =
  | 'succeeded'
  | 'reconciling'
  | 'failed'
  | 'deleting'
  | 'delete-failed'
  | 'paused'
  | 'canceled'
  | 'unknown';

/** How a PackageInstall on a cluster stands against the GitOps repository (see the contract). */
export type DriftState =
  | 'in-sync'
  | 'pending'
  | 'drifted'
  | 'missing'
  | 'not-in-git'
  | 'unknown';

/** What the GitOps repository's branch head declares for a PackageInstall. */
export interface DesiredPackageInstallSummary {
  constraints?: string;
  /** The branch head the file was read at. */
  commit: string;
  /** ISO-8601 committer time of `commit` (what "merged N s ago" counts from). */
  committedAt?: string;
  /** Path inside the repository, e.g. `app.default.tap/staging/packageinstall.yaml`. */
  file: string;
  /** The commit's web page, when an integration of the repository's host has one. */
  commitUrl?: string;
}

export interface PackageVersions {
  packageName: string;
  versions: string[];
}

export interface PackageInstallState {
  namespace: string;
  name: string;
  packageName: string;
  constraints?: string;
  /** How kapp-controller reads `constraints` where that differs from how it looks; absent when it reads as written. */
  constraintNote?: string;
  version?: string;
  /** Only when it is neither `version` nor `deployingVersion`: an attempt that did not land. */
  lastAttemptedVersion?: string;
  status: CarvelStatus;
  description?: string;
  message?: string;
  /** An earlier reconcile's error kapp-controller still shows (usefulErrorMessage): not the current state. */
  previousError?: string;
  /** Handed to the App but not deployed yet (the App has not reconciled that spec). */
  deployingVersion?: string;
  /** What the App last deployed successfully, when known; while deploying, the version still running. */
  runningVersion?: string;
  /** While paused or canceled: the state of the last condition kapp-controller kept. */
  lastConditionStatus?: CarvelStatus;
  /** Newest version of the package present on the cluster. */
  latestVersion?: string;
  /** A newer version on the cluster that the constraints do not take yet. */
  availableUpdate?: string;
  updatedAt?: string;
  /** Absent when the backend follows no GitOps repository. */
  drift?: DriftState;
  /** One sentence saying why, e.g. "the constraint on the cluster is 1.2.3, git says >=0.0.0". */
  driftDetail?: string;
  desired?: DesiredPackageInstallSummary;
  /** The commit the delivering App last fetched and deployed successfully, if known. */
  deployedCommit?: string;
  /** The deployed commit's web page, when an integration of the repository's host has one. */
  deployedCommitUrl?: string;
}

export interface AppState {
  namespace: string;
  name: string;
  /** The package (of the entity's) the App delivers. */
  packageName?: string;
  status: CarvelStatus;
  description?: string;
  message?: string;
  /** An earlier reconcile's error kapp-controller still shows (usefulErrorMessage): not the current state. */
  previousError?: string;
  /** While paused or canceled: the state of the last condition kapp-controller kept. */
  lastConditionStatus?: CarvelStatus;
  updatedAt?: string;
  /** The run cluster a GitOps App deploys to. */
  targetCluster?: string;
  /** The commit the App's last fetch got (vendir's lock config in `status.fetch`). */
  fetchedCommit?: string;
  /** `fetchedCommit` once the reconcile that fetched it deployed it successfully. */
  deployedCommit?: string;
}

export interface ClusterCarvelState {
  name: string;
  state: 'ok' | 'error';
  error?: ClusterError;
  packages: PackageVersions[];
  packageInstalls: PackageInstallState[];
  apps: AppState[];
  /**
   * How many of the entity's PackageInstalls on this cluster were left out of `packageInstalls`
   * because the response is capped per cluster (failures are kept first); absent when none.
   */
  truncated?: number;
  /** How many Apps were left out of `apps` by the same cap; absent when none. */
  truncatedApps?: number;
  /**
   * Set when the cluster is in error but what it listed before is still shown: the data may be out of
   * date. `lastSyncedAt` is when it was last listed completely.
   */
  stale?: { lastSyncedAt?: string };
}

export interface EntityCarvelStatus {
  entityRef: string;
  packageNames: string[];
  clusters: ClusterCarvelState[];
}

/** One change of a PackageInstall on a cluster to a settled (version, status), from the backend's database. */
export interface DeploymentHistoryEntry {
  cluster: string;
  namespace: string;
  name: string;
  packageName: string;
  /** The version recorded before this change, if any. */
  fromVersion?: string;
  /** Absent when the PackageInstall failed before a version was selected. */
  toVersion?: string;
  status: CarvelStatus;
  /** ISO-8601: when the cluster reported the change reconciled. */
  at: string;
  /** The GitOps commit that caused the change, when known. */
  commit?: string;
  /** From the commit's time to `at`, when the commit is known. */
  leadTimeSeconds?: number;
  /** The commit's web page, when an integration of the repository's host has one. */
  commitUrl?: string;
}

/** A cluster's deployment figures over the last 30 days, computed by the backend. */
export interface ClusterDeploymentFigures {
  cluster: string;
  /** Median lead time of those deployments whose commit is known; absent when none is. */
  medianLeadTimeSeconds?: number;
  /** Changes to `succeeded` on a version other than the one that succeeded before. */
  deploymentsLast30Days: number;
}

/** `GET /history/:namespace/:kind/:name`: newest first. */
export interface DeploymentHistoryResponse {
  items: DeploymentHistoryEntry[];
  /** Per cluster with transitions in the last 30 days, by cluster name. */
  clusters?: ClusterDeploymentFigures[];
  /** Set when the last 30 days held more transitions than the figures read: they count only the newest. */
  clustersFromNewest?: number;
}

/** A package known from the followed GitOps repositories or from the clusters' Package objects. */
export interface KnownPackage {
  packageName: string;
  /** Run clusters that hold a Package of it or that git delivers it to, sorted. */
  clusters: string[];
  /** Versions known anywhere, highest first (kapp-controller's semver order). */
  versions: string[];
}

/** `GET /packages` */
export interface PackageListResponse {
  items: KnownPackage[];
}

/** One version of a package, from git's Package files and the clusters' Package objects. */
export interface PackageVersionDetails {
  version: string;
  /** ISO-8601 `spec.releasedAt`, when the Package says. */
  releasedAt?: string;
  /** `spec.valuesSchema.openAPIv3` of that version, when it has one. */
  valuesSchema?: Record<string, unknown>;
  /** Why `valuesSchema` is absent although the Package has one (e.g. over the size kept). */
  valuesSchemaNote?: string;
  /** Clusters holding a Package object of this version, sorted. */
  clusters: string[];
  /** Whether a followed GitOps repository has a Package file of this version. */
  inGit?: boolean;
}

/** `GET /packages/:packageName/versions`: highest version first. */
export interface PackageVersionListResponse {
  items: PackageVersionDetails[];
}

/** Where a package is installed: one PackageInstall on one cluster. */
export interface PackageInstallLocation {
  cluster: string;
  namespace: string;
  name: string;
  packageName: string;
  constraints?: string;
  /**
   * The version running, as `/status` reports it: the one the App last deployed successfully,
   * else `status.version`. Absent before kapp-controller selected one.
   */
  version?: string;
  /** `status.lastAttemptedVersion`: the version kapp-controller's downgrade guard compares with. */
  lastAttemptedVersion?: string;
  /** As `/status`: `succeeded` means kapp-controller reconciled `version` successfully. */
  status: CarvelStatus;
  updatedAt?: string;
  /** The cluster is in error (see `clusterErrors`): this is what it listed before. */
  stale?: boolean;
}

/**
 * `GET /packages/:packageName/installs?version=`: every PackageInstall of the package the caller may
 * see, optionally only those running `version`; clusters in error are listed in `clusterErrors`.
 */
export interface PackageInstallLocationResponse {
  items: PackageInstallLocation[];
  clusterErrors: Array<{
    cluster: string;
    error: ClusterError;
    /** Set when its items are still listed, as last seen (`lastSyncedAt`: when it was last listed completely). */
    stale?: { lastSyncedAt?: string };
  }>;
  /** Clusters with more PackageInstalls of the package than one answer holds: how many were left out. */
  truncated?: Array<{ cluster: string; omitted: number }>;
}
