import {
  type KubeApiServer,
  startKubeApiServer,
} from '@carvel-gitops/kube-apiserver-sim';
import { ClusterGitopsApps } from './ClusterGitopsApps';

const packageYaml = (version: string) =>
  `---\napiVersion: data.packaging.carvel.dev/v1alpha1\nkind: Package\nmetadata:\n  name: app.default.tap.${version}\nspec:\n  refName: app.default.tap\n  version: "${version}"\n`;
const installYaml = (constraints: string) =>
  `---\napiVersion: packaging.carvel.dev/v1alpha1\nkind: PackageInstall\nmetadata:\n  name: app\n  namespace: apps\nspec:\n  packageRef:\n    refName: app.default.tap\n    versionSelection:\n      constraints: "${constraints}"\n`;
const secretYaml = (replicas: number) =>
  `---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: app-values\n  namespace: apps\nstringData:\n  values.yaml: |\n    replicas: ${replicas}\n`;

const PKGI = {
  apiVersion: 'packaging.carvel.dev/v1alpha1',
  kind: 'PackageInstall',
  namespace: 'apps',
  name: 'app',
};
const SECRET = {
  apiVersion: 'v1',
  kind: 'Secret',
  namespace: 'apps',
  name: 'app-values',
};

let cluster: KubeApiServer;
let apps: ClusterGitopsApps;
let files: Map<string, string>;

beforeEach(async () => {
  cluster = await startKubeApiServer({ name: 'staging' });
  apps = new ClusterGitopsApps('staging', cluster.store);
  files = new Map([
    ['app.default.tap/packages/1.0.0.yaml', packageYaml('1.0.0')],
    ['app.default.tap/staging/packageinstall.yaml', installYaml('>=0.0.0')],
    ['app.default.tap/staging/params.yaml', secretYaml(1)],
  ]);
});

afterEach(() => cluster.close());

describe('ClusterGitopsApps', () => {
  it('creates what git holds, storing Secret values as the API server does', () => {
    expect(apps.deploy(files)).toEqual({
      changes: [
        'created Secret apps/app-values',
        'created Package apps/app.default.tap.1.0.0',
        'created PackageInstall apps/app',
      ],
      failures: [],
    });
    const secret = cluster.store.get(SECRET)!;
    expect(secret.stringData).toBeUndefined();
    expect(secret.data).toEqual({
      'values.yaml': Buffer.from('replicas: 1\n').toString('base64'),
    });
  });

  it('changes only what changed, keeping what controllers added', () => {
    apps.deploy(files);
    cluster.store.patch(PKGI, { metadata: { finalizers: ['kept'] } });
    expect(apps.deploy(files).changes).toEqual([]);

    files.set(
      'app.default.tap/staging/packageinstall.yaml',
      installYaml('1.0.0'),
    );
    files.set('app.default.tap/staging/params.yaml', secretYaml(2));
    expect(apps.deploy(files).changes).toEqual([
      'updated Secret apps/app-values',
      'updated PackageInstall apps/app',
    ]);
    const install = cluster.store.get(PKGI)!;
    expect(install.metadata.finalizers).toEqual(['kept']);
    expect(install.metadata.generation).toBe(2);
  });

  it('deletes what left git', () => {
    apps.deploy(files);
    files.set('app.default.tap/packages/2.0.0.yaml', packageYaml('2.0.0'));
    files.delete('app.default.tap/packages/1.0.0.yaml');
    expect(apps.deploy(files).changes).toEqual([
      'created Package apps/app.default.tap.2.0.0',
      'deleted Package apps/app.default.tap.1.0.0',
    ]);
    expect(apps.deploy(new Map()).changes).toEqual([
      'deleted PackageInstall apps/app',
      'deleted Package apps/app.default.tap.2.0.0',
      'deleted Secret apps/app-values',
    ]);
  });

  it('keeps what a folder deployed while it does not render', () => {
    apps.deploy(files);
    files.set('app.default.tap/staging/params.yaml', 'kind: [Secret\n');
    const result = apps.deploy(files);
    expect(result.changes).toEqual([]);
    expect(result.failures).toEqual([
      expect.stringMatching(
        /^app\.default\.tap: ytt: Error: Unmarshaling YAML template/,
      ),
    ]);
    expect(cluster.store.get(SECRET)).toBeDefined();
    expect(cluster.store.get(PKGI)).toBeDefined();
  });
});
