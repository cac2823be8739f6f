import path from 'node:path';

export interface DemoClusterSetting {
  name: string;
  port: number;
  /** A fixed token, so app-config.yaml can name it; it guards nothing but simulated clusters. */
  token: string;
}

export const DEMO_CLUSTERS: readonly DemoClusterSetting[] = [
  { name: 'staging', port: 16443, token: 'demo-only-staging-token' },
  { name: 'prod', port: 16444, token: 'demo-only-prod-token' },
];

/** Where the GitOps Apps live: they report how delivering to each run cluster went. */
export const DEMO_BUILD_CLUSTER: DemoClusterSetting = {
  name: 'build',
  port: 16445,
  token: 'demo-only-build-token',
};

export interface DemoSettings {
  clusters: DemoClusterSetting[];
  buildCluster?: DemoClusterSetting;
  /** The bare GitOps repository the stand-in deploys from. */
  repository: string;
  /** Where ca.pem and the kubeconfigs go. */
  dataDir: string;
}

function portFrom(
  variable: string,
  value: string | undefined,
  fallback: number,
) {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${variable} must be a port number, not '${value}'`);
  }
  return port;
}

/**
 * The demo's settings for the checkout at `root`. `CARVEL_DEMO_<CLUSTER>_PORT`,
 * `CARVEL_DEMO_GITOPS_REPO` and `CARVEL_DEMO_DATA_DIR` override the defaults.
 */
export function demoSettings(
  root: string,
  env: NodeJS.ProcessEnv,
): DemoSettings {
  return {
    clusters: DEMO_CLUSTERS.map(cluster => {
      const variable = `CARVEL_DEMO_${cluster.name.toUpperCase()}_PORT`;
      return {
        ...cluster,
        port: portFrom(variable, env[variable], cluster.port),
      };
    }),
    buildCluster: {
      ...DEMO_BUILD_CLUSTER,
      port: portFrom(
        'CARVEL_DEMO_BUILD_PORT',
        env.CARVEL_DEMO_BUILD_PORT,
        DEMO_BUILD_CLUSTER.port,
      ),
    },
    repository: path.resolve(
      root,
      env.CARVEL_DEMO_GITOPS_REPO || path.join('.data', 'gitops-repo.git'),
    ),
    dataDir: path.resolve(
      root,
      env.CARVEL_DEMO_DATA_DIR || path.join('.data', 'demo-clusters'),
    ),
  };
}
