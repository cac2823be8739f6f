import {
  KubeApiServer,
  startKubeApiServer,
} from '@carvel-gitops/kube-apiserver-sim';

/** The catalog's `component:default/app` (examples/entities.yaml) follows this package. */
export const PACKAGE_NAME = 'app.default.tap';
export const NAMESPACE = 'apps';
export const INSTALL_NAME = 'app';
export const VERSIONS = ['1.0.0', '1.1.0'];
/** Only reached once one instance is stopped. */
export const LATER_VERSION = '1.2.0';

function packageInstall(version: string, generation: number, at: string) {
  return {
    apiVersion: 'packaging.carvel.dev/v1alpha1',
    kind: 'PackageInstall',
    metadata: { name: INSTALL_NAME, namespace: NAMESPACE, generation },
    spec: {
      serviceAccountName: `${INSTALL_NAME}-sa`,
      packageRef: {
        refName: PACKAGE_NAME,
        versionSelection: { constraints: version },
      },
    },
    status: {
      observedGeneration: generation,
      conditions: [
        {
          type: 'ReconcileSucceeded',
          status: 'True',
          lastTransitionTime: at,
        },
      ],
      friendlyDescription: 'Reconcile succeeded',
      version,
      lastAttemptedVersion: version,
    },
  };
}

/** A simulated run cluster with both Package versions and a PackageInstall that runs the first. */
export async function startRunCluster(name: string): Promise<KubeApiServer> {
  const cluster = await startKubeApiServer({ name });
  for (const version of [...VERSIONS, LATER_VERSION]) {
    cluster.store.create({
      apiVersion: 'data.packaging.carvel.dev/v1alpha1',
      kind: 'Package',
      metadata: { name: `${PACKAGE_NAME}.${version}`, namespace: NAMESPACE },
      spec: { refName: PACKAGE_NAME, version },
    });
  }
  cluster.store.create(packageInstall(VERSIONS[0], 1, '2026-01-01T00:00:00Z'));
  return cluster;
}

const INSTALL_REF = {
  apiVersion: 'packaging.carvel.dev/v1alpha1',
  kind: 'PackageInstall',
  namespace: NAMESPACE,
  name: INSTALL_NAME,
};

/** What kapp-controller would do after a promotion: the PackageInstall now runs `version`, reconciled at `at`. */
export function upgradeInstall(
  cluster: KubeApiServer,
  version: string,
  at: Date,
) {
  const next = packageInstall(version, 0, at.toISOString());
  const updated = cluster.store.patch(INSTALL_REF, { spec: next.spec });
  const generation = updated.metadata.generation ?? 1;
  cluster.store.patch(
    INSTALL_REF,
    { status: { ...next.status, observedGeneration: generation } },
    { subresource: 'status' },
  );
}
