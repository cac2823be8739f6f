import {
  KubeApiServer,
  startKubeApiServer,
} from '@carvel-gitops/kube-apiserver-sim';
import { ENTITY } from './scratchProject';
import type { ExpectedInstall } from './adopterChecks';

export const RUNNING_INSTALL: ExpectedInstall = {
  cluster: 'adopter-run',
  namespace: 'apps',
  name: 'app',
  packageName: ENTITY.packageName,
  version: '1.1.0',
  status: 'succeeded',
};

/** One simulated run cluster with kapp-controller's objects: two Package versions and a PackageInstall that runs one. */
export async function startAdopterCluster(): Promise<KubeApiServer> {
  const cluster = await startKubeApiServer({ name: RUNNING_INSTALL.cluster });
  const { namespace, name, packageName, version } = RUNNING_INSTALL;
  for (const packageVersion of ['1.0.0', version]) {
    cluster.store.create({
      apiVersion: 'data.packaging.carvel.dev/v1alpha1',
      kind: 'Package',
      metadata: { name: `${packageName}.${packageVersion}`, namespace },
      spec: { refName: packageName, version: packageVersion },
    });
  }
  cluster.store.create({
    apiVersion: 'packaging.carvel.dev/v1alpha1',
    kind: 'PackageInstall',
    metadata: { name, namespace, generation: 1 },
    spec: {
      serviceAccountName: `${name}-sa`,
      packageRef: {
        refName: packageName,
        versionSelection: { constraints: '>=1.0.0' },
      },
    },
    status: {
      observedGeneration: 1,
      conditions: [{ type: 'ReconcileSucceeded', status: 'True' }],
      friendlyDescription: 'Reconcile succeeded',
      version,
      lastAttemptedVersion: version,
    },
  });
  return cluster;
}
