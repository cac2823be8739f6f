import type { KubeApiServer } from '@carvel-gitops/kube-apiserver-sim';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface ClusterAccessFiles {
  /** PEM of the CA all demo clusters' certificates are signed by. */
  caFile: string;
  /** Kubeconfig path by cluster name. */
  kubeconfigs: Record<string, string>;
}

/** `ca.pem` (what app-config.yaml's caFile names) and a kubeconfig per cluster for kubectl. */
export async function writeClusterAccessFiles(
  dataDir: string,
  clusters: KubeApiServer[],
): Promise<ClusterAccessFiles> {
  const authorities = new Set(clusters.map(c => c.caData));
  if (authorities.size > 1) {
    throw new Error('The demo clusters must share one certificate authority');
  }
  await mkdir(dataDir, { recursive: true });
  const caFile = path.join(dataDir, 'ca.pem');
  await writeFile(caFile, clusters[0]?.caData ?? '');
  const kubeconfigs: Record<string, string> = {};
  for (const cluster of clusters) {
    const file = path.join(dataDir, `${cluster.name}.kubeconfig`);
    await writeFile(file, cluster.kubeconfig(cluster.name), { mode: 0o600 });
    kubeconfigs[cluster.name] = file;
  }
  return { caFile, kubeconfigs };
}
