/** A simulated cluster as the backend's `carvel.clusters` needs it. */
export interface ClusterAccess {
  name: string;
  url: string;
  token: string;
  caPem: string;
}

export interface InstanceSpec {
  port: number;
  /** PostgreSQL, shared by every instance. */
  databaseConnection: string;
  clusters: ClusterAccess[];
}

/**
 * The config one instance adds to app-config.yaml: its own port and base URL, the shared
 * PostgreSQL, and the clusters it watches (arrays replace app-config.yaml's, so the demo's are gone).
 */
export function instanceConfig(spec: InstanceSpec) {
  const baseUrl = `http://localhost:${spec.port}`;
  return {
    app: { baseUrl },
    backend: {
      baseUrl,
      listen: { port: spec.port },
      cors: { origin: baseUrl },
      database: { client: 'pg', connection: spec.databaseConnection },
    },
    carvel: {
      clusters: spec.clusters.map(cluster => ({
        name: cluster.name,
        url: cluster.url,
        serviceAccountToken: cluster.token,
        caData: Buffer.from(cluster.caPem).toString('base64'),
      })),
      gitops: { localRepositories: [] },
    },
  };
}
