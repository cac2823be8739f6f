import type { Config } from '@backstage/config';

export interface ClusterConfig {
  name: string;
  url?: string;
  serviceAccountToken?: string;
  caData?: string;
  caFile?: string;
  skipTLSVerify?: boolean;
  kubeconfig?: string;
  context?: string;
}

/** Why a cluster's `url` cannot be used, without repeating it: a URL may carry credentials. */
function checkUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'url is not a valid URL';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return 'url must start with https://';
  }
  if (parsed.username || parsed.password) {
    return 'url must not carry credentials (user:password@); use serviceAccountToken';
  }
  return undefined;
}

function readCluster(config: Config): ClusterConfig {
  return {
    name: config.getString('name'),
    url: config.getOptionalString('url'),
    serviceAccountToken: config.getOptionalString('serviceAccountToken'),
    caData: config.getOptionalString('caData'),
    caFile: config.getOptionalString('caFile'),
    skipTLSVerify: config.getOptionalBoolean('skipTLSVerify'),
    kubeconfig: config.getOptionalString('kubeconfig'),
    context: config.getOptionalString('context'),
  };
}

/**
 * The clusters to watch: `carvel.clusters`, or else the `config` entries of
 * `kubernetes.clusterLocatorMethods`, so an existing Kubernetes plugin setup just works.
 */
export function readClusterConfigs(config: Config): ClusterConfig[] {
  const own = config.getOptionalConfigArray('carvel.clusters');
  const clusters = own
    ? own.map(readCluster)
    : (config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [])
        .filter(method => method.getString('type') === 'config')
        .flatMap(method => method.getOptionalConfigArray('clusters') ?? [])
        .map(readCluster);
  const seen = new Set<string>();
  for (const cluster of clusters) {
    if (seen.has(cluster.name)) {
      throw new Error(`Cluster '${cluster.name}' is configured more than once`);
    }
    seen.add(cluster.name);
    if (!cluster.url && !cluster.kubeconfig) {
      throw new Error(
        `Cluster '${cluster.name}' needs either url or kubeconfig`,
      );
    }
    const urlProblem = cluster.url ? checkUrl(cluster.url) : undefined;
    if (urlProblem) throw new Error(`Cluster '${cluster.name}': ${urlProblem}`);
  }
  return clusters;
}
