/*
 * The benchmark's simulated clusters, in a child process so that the benchmark process's RSS
 * is the backend's own. Talks to the parent over IPC.
 */
import {
  KubeApiServer,
  startKubeApiServer,
} from '@carvel-gitops/kube-apiserver-sim';
import type { ClusterConfig } from '../../../plugins/carvel-backend/src/config/readClusterConfigs';

export interface FarmCluster {
  name: string;
  url: string;
  token: string;
  caData: string;
}

/** The `carvel.clusters` entry for a farm cluster. */
export function clusterConfigOf(cluster: FarmCluster): ClusterConfig {
  return {
    name: cluster.name,
    url: cluster.url,
    serviceAccountToken: cluster.token,
    caData: Buffer.from(cluster.caData).toString('base64'),
  };
}

export type FarmRequest =
  | {
      type: 'start';
      clusters: number;
      installsPerCluster: number;
      latencyMs: number;
    }
  | { type: 'change'; id: number; cluster: number; marker: string }
  | { type: 'requestCount'; id: number }
  | { type: 'stop' };

export type FarmReply =
  | { type: 'started'; clusters: FarmCluster[] }
  | { type: 'changed'; id: number }
  | { type: 'requestCount'; id: number; total: number };

export const ENTITY_PACKAGE = 'app.default.tap';
export const ENTITY_LABEL = 'backstage.io/kubernetes-id';
const OTHER_PACKAGES = 199;
const PACKAGE_VERSIONS = ['1.0.0', '1.1.0', '1.2.0'];
/** Package objects on every farm cluster: the entity's and 199 others, three versions each. */
export const PACKAGES_PER_CLUSTER =
  (OTHER_PACKAGES + 1) * PACKAGE_VERSIONS.length;

function seed(cluster: KubeApiServer, installs: number) {
  cluster.store.create({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'apps' },
  });
  const refNames = [
    ENTITY_PACKAGE,
    ...Array.from({ length: OTHER_PACKAGES }, (_, i) => `pkg-${i}.default.tap`),
  ];
  for (const refName of refNames) {
    for (const version of PACKAGE_VERSIONS) {
      cluster.store.create({
        apiVersion: 'data.packaging.carvel.dev/v1alpha1',
        kind: 'Package',
        metadata: { name: `${refName}.${version}`, namespace: 'apps' },
        spec: { refName, version, template: { spec: {} } },
      });
    }
  }
  for (let i = 0; i < installs; i++) {
    const refName = refNames[i % refNames.length];
    const name = `install-${i}`;
    const component =
      refName === ENTITY_PACKAGE ? 'app' : `component-${i % refNames.length}`;
    cluster.store.create({
      apiVersion: 'packaging.carvel.dev/v1alpha1',
      kind: 'PackageInstall',
      metadata: {
        name,
        namespace: 'apps',
        generation: 1,
        labels: { [ENTITY_LABEL]: component },
      },
      spec: {
        serviceAccountName: 'installer',
        packageRef: { refName, versionSelection: { constraints: '>=0.0.0' } },
      },
      status: {
        observedGeneration: 1,
        conditions: [{ type: 'ReconcileSucceeded', status: 'True' }],
        friendlyDescription: 'Reconcile succeeded',
        version: '1.2.0',
        lastAttemptedVersion: '1.2.0',
      },
    });
    cluster.store.create({
      apiVersion: 'kappctrl.k14s.io/v1alpha1',
      kind: 'App',
      metadata: {
        name,
        namespace: 'apps',
        generation: 1,
        labels: { [ENTITY_LABEL]: component },
        annotations: {
          'packaging.carvel.dev/package-ref-name': refName,
          'packaging.carvel.dev/package-version': '1.2.0',
        },
        ownerReferences: [
          {
            apiVersion: 'packaging.carvel.dev/v1alpha1',
            kind: 'PackageInstall',
            name,
            uid: 'x',
            controller: true,
          },
        ],
      },
      spec: {
        serviceAccountName: 'installer',
        fetch: [],
        template: [],
        deploy: [],
      },
      status: {
        observedGeneration: 1,
        conditions: [{ type: 'ReconcileSucceeded', status: 'True' }],
        friendlyDescription: 'Reconcile succeeded',
        deploy: {
          startedAt: '2026-11-25T00:00:00Z',
          updatedAt: '2026-11-25T00:00:05Z',
        },
      },
    });
  }
}

async function main() {
  let clusters: KubeApiServer[] = [];
  const send = (reply: FarmReply) => process.send!(reply);
  // A benchmark that crashed must not leave its clusters running.
  process.on('disconnect', () => process.exit(0));
  process.on('message', async (request: FarmRequest) => {
    switch (request.type) {
      case 'start': {
        for (let i = 0; i < request.clusters; i++) {
          const cluster = await startKubeApiServer({
            name: `cluster-${i}`,
            watchHistorySize: 10_000,
          });
          seed(cluster, request.installsPerCluster);
          cluster.faults.setLatency(request.latencyMs);
          clusters.push(cluster);
        }
        send({
          type: 'started',
          clusters: clusters.map(c => ({
            name: c.name,
            url: c.url,
            token: c.token,
            caData: c.caData,
          })),
        });
        break;
      }
      case 'change': {
        const cluster = clusters[request.cluster];
        const ref = {
          apiVersion: 'packaging.carvel.dev/v1alpha1',
          kind: 'PackageInstall',
          namespace: 'apps',
          name: 'install-0',
        };
        cluster.store.patch(
          ref,
          {
            status: {
              conditions: [
                {
                  type: 'ReconcileFailed',
                  status: 'True',
                  message: request.marker,
                },
              ],
              usefulErrorMessage: request.marker,
            },
          },
          { subresource: 'status' },
        );
        send({ type: 'changed', id: request.id });
        break;
      }
      case 'requestCount':
        send({
          type: 'requestCount',
          id: request.id,
          total: clusters.reduce((sum, c) => sum + c.requests.total, 0),
        });
        break;
      case 'stop':
        await Promise.all(clusters.map(c => c.close()));
        clusters = [];
        process.exit(0);
        break;
      default:
        throw new Error(
          `unknown farm request ${JSON.stringify(
            (request as { type: unknown }).type,
          )}`,
        );
    }
  });
}

void main();
