import { KubeConfig } from '@kubernetes/client-node';
import fs from 'node:fs';
import { dirname } from 'node:path';
import type { ClusterConfig } from '../config/readClusterConfigs';

/** Files a cluster's connection is read from: a kubeconfig or a certificate is far smaller. */
export const MAX_CLUSTER_FILE_BYTES = 1024 * 1024;

/**
 * A cluster configuration problem, phrased as `path:line: what is wrong`.
 * Never carries file content: kubeconfigs hold tokens and keys.
 */
export class ClusterConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClusterConfigError';
  }
}

/** js-yaml's reasons are fixed phrases, except a few that quote the offending text: those are dropped. */
function contentFreeYamlReason(reason: unknown): string {
  return typeof reason === 'string' && /^[a-zA-Z ,;()-]{1,120}$/.test(reason)
    ? reason
    : 'invalid YAML syntax';
}

const STRUCTURE_PROBLEM =
  /^(clusters|users|contexts)\[\d+\]\.[a-z.]+ is missing$/;

function readBoundedFile(path: string, what: string): string {
  let size: number;
  try {
    const stat = fs.statSync(path);
    if (!stat.isFile())
      throw new ClusterConfigError(`${path}: ${what} is not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof ClusterConfigError) throw error;
    throw new ClusterConfigError(
      `${path}: ${what} cannot be read (${
        (error as NodeJS.ErrnoException).code ?? 'unknown error'
      })`,
    );
  }
  if (size > MAX_CLUSTER_FILE_BYTES) {
    throw new ClusterConfigError(
      `${path}: ${what} is larger than ${MAX_CLUSTER_FILE_BYTES} bytes`,
    );
  }
  try {
    return fs.readFileSync(path, 'utf8');
  } catch (error) {
    throw new ClusterConfigError(
      `${path}: ${what} cannot be read (${
        (error as NodeJS.ErrnoException).code ?? 'unknown error'
      })`,
    );
  }
}

function checkPem(text: string, where: string): void {
  if (!text.includes('-----BEGIN CERTIFICATE-----')) {
    throw new ClusterConfigError(`${where}: not a PEM certificate`);
  }
}

function checkCertificateAuthority(
  caFile: string | undefined,
  caData: string | undefined,
  where: string,
): void {
  // A missing file is left to request time, so a certificate mounted later still works.
  if (caFile && fs.existsSync(caFile)) {
    checkPem(readBoundedFile(caFile, 'certificate authority file'), caFile);
  } else if (caData) {
    checkPem(
      Buffer.from(caData, 'base64').toString('utf8'),
      `${where}: caData`,
    );
  }
}

function loadKubeConfigFile(
  path: string,
  context: string | undefined,
): KubeConfig {
  const text = readBoundedFile(path, 'kubeconfig');
  const kubeConfig = new KubeConfig();
  try {
    kubeConfig.loadFromString(text);
  } catch (error) {
    const anyError = error as any;
    if (anyError?.name === 'YAMLException') {
      const line =
        typeof anyError.mark?.line === 'number'
          ? `:${anyError.mark.line + 1}`
          : '';
      throw new ClusterConfigError(
        `${path}${line}: not valid YAML (${contentFreeYamlReason(
          anyError.reason,
        )})`,
      );
    }
    const message = String(anyError?.message);
    throw new ClusterConfigError(
      `${path}: ${
        STRUCTURE_PROBLEM.test(message) ? message : 'not a kubeconfig'
      }`,
    );
  }
  kubeConfig.makePathsAbsolute(dirname(path));
  if (context) {
    if (!kubeConfig.getContextObject(context)) {
      throw new ClusterConfigError(`${path}: has no context '${context}'`);
    }
    kubeConfig.setCurrentContext(context);
  }
  const cluster = kubeConfig.getCurrentCluster();
  if (!cluster) {
    throw new ClusterConfigError(
      `${path}: its ${
        context ? 'context' : 'current context'
      } names no cluster of the file`,
    );
  }
  checkCertificateAuthority(cluster.caFile, cluster.caData, path);
  return kubeConfig;
}

/**
 * A client-node KubeConfig with exactly one context: the cluster and the identity we use for it.
 * Throws ClusterConfigError, whose message is safe to log and to return in API responses.
 */
export function kubeConfigFor(cluster: ClusterConfig): KubeConfig {
  if (cluster.kubeconfig) {
    return loadKubeConfigFile(cluster.kubeconfig, cluster.context);
  }
  checkCertificateAuthority(
    cluster.caFile,
    cluster.caData,
    `cluster '${cluster.name}'`,
  );
  const kubeConfig = new KubeConfig();
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
