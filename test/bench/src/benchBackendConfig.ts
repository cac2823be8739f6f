import {
  clusterConfigOf,
  ENTITY_LABEL,
  ENTITY_PACKAGE,
  type FarmCluster,
} from './clusterFarm';
import type { ClusterConfig } from '../../../plugins/carvel-backend/src/config/readClusterConfigs';

/** The Component the benchmark asks both plugins about, as the catalog file declares it. */
export const BENCH_ENTITY = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'app',
    namespace: 'default',
    annotations: {
      'carvel.dev/package-name': ENTITY_PACKAGE,
      [ENTITY_LABEL]: 'app',
    },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'guests' },
};

/** The configuration of the bench backend, except `carvel.clusters` (see carvelClustersConfig). */
export function benchBackendConfig(options: {
  port: number;
  catalogFile: string;
  clusters: FarmCluster[];
}) {
  const baseUrl = `http://127.0.0.1:${options.port}`;
  return {
    app: { baseUrl },
    backend: {
      baseUrl,
      listen: { port: options.port, host: '127.0.0.1' },
      database: { client: 'better-sqlite3', connection: ':memory:' },
    },
    auth: {
      providers: { guest: { dangerouslyAllowOutsideDevelopment: true } },
    },
    catalog: {
      rules: [{ allow: ['Component', 'Location'] }],
      locations: [{ type: 'file', target: options.catalogFile }],
    },
    permission: { enabled: true },
    kubernetes: {
      serviceLocatorMethod: { type: 'multiTenant' },
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: options.clusters.map(cluster => ({
            name: cluster.name,
            url: cluster.url,
            authProvider: 'serviceAccount',
            serviceAccountToken: cluster.token,
            caData: Buffer.from(cluster.caData).toString('base64'),
          })),
        },
      ],
      customResources: [
        {
          group: 'packaging.carvel.dev',
          apiVersion: 'v1alpha1',
          plural: 'packageinstalls',
        },
      ],
      objectTypes: ['customresources'],
    },
  };
}

/** `carvel.clusters` in a file of its own, rewritten to add the clusters to a running backend. */
export function carvelClustersConfig(clusters: FarmCluster[]): {
  carvel: { requestTimeoutMs: number; clusters: ClusterConfig[] };
} {
  return {
    carvel: {
      // The farm serves every cluster from one process on a shared machine; a real API server is faster.
      requestTimeoutMs: 30_000,
      clusters: clusters.map(clusterConfigOf),
    },
  };
}
