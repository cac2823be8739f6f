import { stringify } from 'yaml';

export interface KubeconfigOptions {
  contextName: string;
  server: string;
  caPem: string;
  token: string;
  namespace?: string;
}

/** A kubeconfig (YAML) with one cluster, user and context, usable by kubectl and @kubernetes/client-node. */
export function renderKubeconfig(options: KubeconfigOptions): string {
  const { contextName, server, caPem, token, namespace } = options;
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: contextName,
        cluster: {
          server,
          'certificate-authority-data': Buffer.from(caPem).toString('base64'),
        },
      },
    ],
    users: [{ name: contextName, user: { token } }],
    contexts: [
      {
        name: contextName,
        context: {
          cluster: contextName,
          user: contextName,
          ...(namespace ? { namespace } : {}),
        },
      },
    ],
    'current-context': contextName,
    preferences: {},
  });
}
