import type {
  App,
  Package,
  PackageInstall,
} from '@carvel-gitops/plugin-carvel-common';
import type { SlimApp } from '../cluster/carvelResources';
import type { WatchedClusters } from '../service/CarvelStatusService';
import type { PackageCatalogClusters } from '../service/PackageCatalogService';
import type { ClusterView } from '../service/buildClusterState';

export function packageInstall(
  name: string,
  options: {
    namespace?: string;
    refName?: string;
    constraints?: string;
    version?: string;
    condition?: string;
    message?: string;
  } = {},
): PackageInstall {
  return {
    apiVersion: 'packaging.carvel.dev/v1alpha1',
    kind: 'PackageInstall',
    metadata: { name, namespace: options.namespace ?? 'apps', generation: 1 },
    spec: {
      packageRef: {
        refName: options.refName ?? 'app.default.tap',
        versionSelection: { constraints: options.constraints ?? '>=0.0.0' },
      },
    },
    status: {
      observedGeneration: 1,
      conditions: [
        {
          type: options.condition ?? 'ReconcileSucceeded',
          status: 'True',
          message: options.message,
        },
      ],
      friendlyDescription:
        options.condition === 'ReconcileFailed'
          ? 'Reconcile failed: Error'
          : 'Reconcile succeeded',
      usefulErrorMessage:
        options.condition === 'ReconcileFailed' ? options.message : undefined,
      version: options.version ?? '1.0.0',
      lastAttemptedVersion: options.version ?? '1.0.0',
    },
  };
}

export function pkg(
  refName: string,
  version: string,
  namespace = 'apps',
): Package {
  return {
    apiVersion: 'data.packaging.carvel.dev/v1alpha1',
    kind: 'Package',
    metadata: { name: `${refName}.${version}`, namespace },
    spec: { refName, version },
  };
}

export function gitopsApp(
  name: string,
  packageName: string,
  condition = 'ReconcileSucceeded',
): SlimApp {
  const app: App = {
    apiVersion: 'kappctrl.k14s.io/v1alpha1',
    kind: 'App',
    metadata: {
      name,
      namespace: 'gitops-delivery',
      generation: 1,
      annotations: { 'carvel.dev/package-name': packageName },
    },
    spec: {},
    status: {
      observedGeneration: 1,
      conditions: [{ type: condition, status: 'True' }],
      friendlyDescription: condition,
    },
  };
  return app;
}

/** Like PackageIndex: the same array per package while nothing changes. */
function byPackage<T>(items: T[], nameOf: (t: T) => string | undefined) {
  const answered = new Map<string, readonly T[]>();
  return {
    get(packageName: string): readonly T[] {
      let found = answered.get(packageName);
      if (!found) {
        found = Object.freeze(items.filter(i => nameOf(i) === packageName));
        answered.set(packageName, found);
      }
      return found;
    },
    packageNames: () =>
      [...new Set(items.map(nameOf))].filter((n): n is string => !!n),
  };
}

export function fakeCluster(
  name: string,
  content: {
    installs?: PackageInstall[];
    packages?: Package[];
    apps?: SlimApp[];
  } = {},
  state: Pick<ClusterView, 'state' | 'error' | 'stale' | 'lastSyncedAt'> = {
    state: 'synced',
  },
) {
  return {
    name,
    lastSyncedAt: '2026-11-25T00:00:00.000Z',
    ...state,
    packageInstalls: byPackage(
      content.installs ?? [],
      i => i.spec.packageRef.refName,
    ),
    packages: byPackage(content.packages ?? [], p => p.spec.refName),
    apps: byPackage(
      content.apps ?? [],
      a => a.metadata.annotations?.['carvel.dev/package-name'],
    ),
    whenSettled: async () => state.state !== 'syncing',
  };
}

export function fakeFleet(
  clusters: ReturnType<typeof fakeCluster>[],
): WatchedClusters & PackageCatalogClusters & { interesting: string[] } {
  const interesting: string[] = [];
  return {
    interesting,
    clusters: () => clusters,
    markInteresting: names => interesting.push(...names),
  };
}
