import {
  KubeApiServer,
  startKubeApiServer,
} from '@carvel-gitops/kube-apiserver-sim';

export type SimulatedCluster = KubeApiServer;

export async function startSimulatedCluster(
  name: string,
  options: Parameters<typeof startKubeApiServer>[0] = {},
): Promise<SimulatedCluster> {
  const cluster = await startKubeApiServer({ name, ...options });
  if (options.crdsInstalled !== false) {
    cluster.store.create({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'apps' },
    });
  }
  return cluster;
}

/** The `carvel.clusters` entry that points the backend at a simulated cluster. */
export function clusterConfigFor(
  cluster: SimulatedCluster,
  overrides: Record<string, string> = {},
): Record<string, string> {
  return {
    name: cluster.name,
    url: cluster.url,
    serviceAccountToken: cluster.token,
    caData: Buffer.from(cluster.caData).toString('base64'),
    ...overrides,
  };
}

export function addPackage(
  cluster: SimulatedCluster,
  refName: string,
  version: string,
  namespace = 'apps',
) {
  return cluster.store.create({
    apiVersion: 'data.packaging.carvel.dev/v1alpha1',
    kind: 'Package',
    metadata: { name: `${refName}.${version}`, namespace },
    spec: { refName, version, template: { spec: {} } },
  });
}

export interface PackageInstallSeed {
  name: string;
  namespace?: string;
  refName?: string;
  constraints?: string;
  version?: string;
  condition?: 'ReconcileSucceeded' | 'ReconcileFailed' | 'Reconciling';
  usefulErrorMessage?: string;
}

const FRIENDLY_DESCRIPTIONS = {
  ReconcileSucceeded: 'Reconcile succeeded',
  ReconcileFailed:
    'Reconcile failed: Error (see .status.usefulErrorMessage for details)',
  Reconciling: 'Reconciling',
};

export function packageInstallStatus(seed: PackageInstallSeed, generation = 1) {
  const condition = seed.condition ?? 'ReconcileSucceeded';
  return {
    observedGeneration: generation,
    conditions: [
      {
        type: condition,
        status: 'True',
        ...(condition === 'ReconcileFailed'
          ? { message: 'Error (see .status.usefulErrorMessage for details)' }
          : {}),
      },
    ],
    friendlyDescription: FRIENDLY_DESCRIPTIONS[condition],
    ...(seed.usefulErrorMessage
      ? { usefulErrorMessage: seed.usefulErrorMessage }
      : {}),
    version: seed.version ?? '1.0.0',
    lastAttemptedVersion: seed.version ?? '1.0.0',
  };
}

export function addPackageInstall(
  cluster: SimulatedCluster,
  seed: PackageInstallSeed,
) {
  return cluster.store.create({
    apiVersion: 'packaging.carvel.dev/v1alpha1',
    kind: 'PackageInstall',
    metadata: {
      name: seed.name,
      namespace: seed.namespace ?? 'apps',
      generation: 1,
    },
    spec: {
      serviceAccountName: 'app-installer',
      packageRef: {
        refName: seed.refName ?? 'app.default.tap',
        versionSelection: { constraints: seed.constraints ?? '>=0.0.0' },
      },
    },
    status: packageInstallStatus(seed),
  });
}

/** A cluster with app.default.tap 1.0.0 and 1.1.0 and a PackageInstall `app` running `version`. */
export async function startClusterWithApp(
  name: string,
  version = '1.0.0',
  options: Parameters<typeof startKubeApiServer>[0] = {},
) {
  const cluster = await startSimulatedCluster(name, options);
  addPackage(cluster, 'app.default.tap', '1.0.0');
  addPackage(cluster, 'app.default.tap', '1.1.0');
  addPackageInstall(cluster, { name: 'app', version });
  return cluster;
}

/** How big the hostile answers are: small for tests with small limits, past the defaults for the benchmark. */
export interface HostileSizes {
  hugePageObjects: number;
  hugePageBytesPerObject: number;
  /** Levels of the deeply nested object. */
  nestingDepth: number;
}

export const TEST_HOSTILE_SIZES: HostileSizes = {
  hugePageObjects: 3000,
  hugePageBytesPerObject: 1000,
  nestingDepth: 10_000,
};

/** A cluster that misbehaves in one way the watch layer must bound, on PackageInstalls. */
export interface HostileCluster {
  name: string;
  /** The resource whose requests the hostility drives, as `requests.count({ resource })` names it. */
  resource: string;
  makeHostile(cluster: SimulatedCluster, sizes: HostileSizes): void;
}

const PACKAGE_INSTALLS = 'packageinstalls.packaging.carvel.dev';

export const hostileClusters: HostileCluster[] = [
  {
    name: 'an endless watch line',
    resource: PACKAGE_INSTALLS,
    makeHostile: c =>
      c.faults.setHostileWatch('packageinstalls', { kind: 'endless-line' }),
  },
  {
    name: 'a watch that never answers',
    resource: PACKAGE_INSTALLS,
    makeHostile: c =>
      c.faults.setHostileWatch('packageinstalls', { kind: 'no-headers' }),
  },
  {
    name: 'endless list pages',
    resource: PACKAGE_INSTALLS,
    makeHostile: c =>
      c.faults.setHostileList('packageinstalls', { kind: 'endless-pages' }),
  },
  {
    name: 'slow endless list pages',
    resource: PACKAGE_INSTALLS,
    makeHostile: c => {
      c.faults.setLatency(200);
      c.faults.setHostileList('packageinstalls', { kind: 'endless-pages' });
    },
  },
  {
    name: 'a repeated continue token',
    resource: PACKAGE_INSTALLS,
    makeHostile: c =>
      c.faults.setHostileList('packageinstalls', {
        kind: 'repeated-continue',
      }),
  },
  {
    name: 'a huge list page',
    resource: PACKAGE_INSTALLS,
    makeHostile: (c, sizes) =>
      c.faults.setHostileList('packageinstalls', {
        kind: 'huge-page',
        objects: sizes.hugePageObjects,
        bytesPerObject: sizes.hugePageBytesPerObject,
      }),
  },
  {
    name: 'list allowed, watch refused',
    resource: PACKAGE_INSTALLS,
    makeHostile: c => c.faults.forbid('packageinstalls', { verbs: ['watch'] }),
  },
  {
    name: 'malformed objects',
    resource: PACKAGE_INSTALLS,
    makeHostile: (c, sizes) => {
      c.faults.insertDeeplyNestedObject(
        'packageinstalls',
        {
          apiVersion: 'packaging.carvel.dev/v1alpha1',
          kind: 'PackageInstall',
          metadata: { name: 'deep', namespace: 'apps' },
          spec: { packageRef: { refName: 'app.default.tap' } },
        },
        { depth: sizes.nestingDepth, path: ['spec', 'values'] },
      );
      c.faults.insertMalformedObject('packageinstalls', {
        apiVersion: 'packaging.carvel.dev/v1alpha1',
        kind: 'PackageInstall',
        metadata: { name: 'wrong-types', namespace: 'apps', labels: 'x' },
        spec: { packageRef: { refName: 42, versionSelection: 'newest' } },
        status: { conditions: 'Reconciling', version: { major: 1 } },
      });
    },
  },
];
