import { KubeApiServer, startKubeApiServer } from '../index';

export const PKGI_PATH =
  '/apis/packaging.carvel.dev/v1alpha1/namespaces/apps/packageinstalls';

/** A server with namespace `apps` for the tests of one file; `cluster()` is valid inside tests. */
export function useServerWithAppsNamespace(name: string): () => KubeApiServer {
  let cluster: KubeApiServer;
  beforeAll(async () => {
    cluster = await startKubeApiServer({ name, token: 'secret-token' });
    cluster.store.create({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'apps' },
    });
  });
  afterAll(() => cluster.close());
  return () => cluster;
}

export const packageInstallBody = (
  name: string,
  extra: Record<string, unknown> = {},
) => ({
  apiVersion: 'packaging.carvel.dev/v1alpha1',
  kind: 'PackageInstall',
  metadata: { name },
  spec: {
    packageRef: {
      refName: 'app.tap',
      versionSelection: { constraints: '>=0.0.0' },
    },
  },
  ...extra,
});
