import { KubeConfig } from '@kubernetes/client-node';
import type { ClusterConfig } from '../config/readClusterConfigs';

/** A client-node KubeConfig with exactly one context: the cluster and the identity we use for it. */
export function kubeConfigFor(cluster: ClusterConfig): KubeConfig {
  const kubeConfig = new KubeConfig();
  if (cluster.kubeconfig) {
    kubeConfig.loadFromFile(cluster.kubeconfig);
    if (cluster.context) kubeConfig.setCurrentContext(cluster.context);
    return kubeConfig;
  }
  kubeConfig.loadFromOptions({
    clusters: [
      {
        name: cluster.name,
        server: cluster.url,
        caData: cluster.caData,
        caFile: cluster.caFile,
        skipTLSVerify: cluster.skipTLSVerify ?? false,
      },
    ],
    users: [{ name: 'carvel-backend', token: cluster.serviceAccountToken }],
    contexts: [
      { name: cluster.name, cluster: cluster.name, user: 'carvel-backend' },
    ],
    currentContext: cluster.name,
  });
  return kubeConfig;
}
