/** The subset of Kubernetes and kapp-controller object fields this plugin family reads or writes. */

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
}

/** kapp-controller conditions: at most one entry, status always "True", no timestamps. */
export type CarvelConditionType =
  | 'Reconciling'
  | 'ReconcileSucceeded'
  | 'ReconcileFailed'
  | 'Deleting'
  | 'DeleteFailed';

export interface CarvelCondition {
  type: CarvelConditionType | string;
  status: string;
  reason?: string;
  message?: string;
}

/** Status fields shared by App and PackageInstall (kapp-controller `GenericStatus`). */
export interface GenericStatus {
  observedGeneration?: number;
  conditions?: CarvelCondition[] | null;
  friendlyDescription?: string;
  usefulErrorMessage?: string;
}

export interface VersionSelection {
  constraints?: string;
  prereleases?: { identifiers?: string[] };
}

export interface PackageSpec {
  refName: string;
  version: string;
  releasedAt?: string;
  releaseNotes?: string;
  licenses?: string[];
  valuesSchema?: { openAPIv3?: unknown };
  template?: { spec?: unknown };
}

export interface Package extends KubernetesObject {
  apiVersion: 'data.packaging.carvel.dev/v1alpha1';
  kind: 'Package';
  spec: PackageSpec;
}

export interface PackageMetadata extends KubernetesObject {
  apiVersion: 'data.packaging.carvel.dev/v1alpha1';
  kind: 'PackageMetadata';
  spec: {
    displayName?: string;
    shortDescription?: string;
    longDescription?: string;
    providerName?: string;
  };
}

export interface SecretRef {
  name: string;
  key?: string;
}

export interface PackageInstallSpec {
  serviceAccountName?: string;
  cluster?: {
    namespace?: string;
    kubeconfigSecretRef?: SecretRef;
  };
  packageRef: {
    refName: string;
    versionSelection?: VersionSelection;
  };
  values?: Array<{ secretRef: SecretRef }>;
  paused?: boolean;
  canceled?: boolean;
  syncPeriod?: string;
  noopDelete?: boolean;
}

export interface PackageInstallStatus extends GenericStatus {
  version?: string;
  lastAttemptedVersion?: string;
}

export interface PackageInstall extends KubernetesObject {
  apiVersion: 'packaging.carvel.dev/v1alpha1';
  kind: 'PackageInstall';
  spec: PackageInstallSpec;
  status?: PackageInstallStatus;
}

export interface AppGitFetch {
  git: {
    url: string;
    ref?: string;
    subPath?: string;
    secretRef?: { name: string };
  };
}

export interface AppSpec {
  serviceAccountName?: string;
  cluster?: {
    namespace?: string;
    kubeconfigSecretRef?: SecretRef;
  };
  fetch?: Array<AppGitFetch | Record<string, unknown>>;
  template?: Array<Record<string, unknown>>;
  deploy?: Array<{ kapp?: { intoNs?: string; rawOptions?: string[] } }>;
  paused?: boolean;
  canceled?: boolean;
  syncPeriod?: string;
}

export interface AppStatus extends GenericStatus {
  consecutiveReconcileSuccesses?: number;
  consecutiveReconcileFailures?: number;
  deploy?: {
    startedAt?: string;
    updatedAt?: string;
    finished?: boolean;
    exitCode?: number;
  };
  fetch?: { startedAt?: string; updatedAt?: string; exitCode?: number };
}

export interface App extends KubernetesObject {
  apiVersion: 'kappctrl.k14s.io/v1alpha1';
  kind: 'App';
  spec: AppSpec;
  status?: AppStatus;
}

export interface Secret extends KubernetesObject {
  apiVersion: 'v1';
  kind: 'Secret';
  type?: string;
  stringData?: Record<string, string>;
  data?: Record<string, string>;
}
