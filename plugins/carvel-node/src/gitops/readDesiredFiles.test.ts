import { gitopsFileOf, LayoutFile } from './gitopsFiles';
import {
  readGitopsAppFile,
  readPackageFile,
  readPackageInstallFile,
} from './readDesiredFiles';

const source = {
  repository: 'https://git.example.com/acme/gitops.git',
  commit: 'a'.repeat(40),
  committedAt: '2026-11-30T10:00:00Z',
};

const packageInstallYaml = `apiVersion: packaging.carvel.dev/v1alpha1
kind: PackageInstall
metadata:
  name: app
  namespace: apps
  annotations:
    kapp.k14s.io/change-rule: upsert after upserting app.default.tap/packages
spec:
  serviceAccountName: app-installer
  paused: true
  packageRef:
    refName: app.default.tap
    versionSelection:
      constraints: ">=1.0.0"
  values:
    - secretRef:
        name: app-values
    - secretRef:
        name: app-tls
`;

const appYaml = `apiVersion: kappctrl.k14s.io/v1alpha1
kind: App
metadata:
  name: app.default.tap-prod
  namespace: gitops
  labels:
    app.kubernetes.io/managed-by: backstage-carvel-gitops
    carvel.dev/cluster: prod-eu
  annotations:
    carvel.dev/package-name: app.default.tap
spec:
  cluster:
    kubeconfigSecretRef: {name: prod-kubeconfig, key: value.yaml}
`;

describe('readPackageInstallFile', () => {
  const file = gitopsFileOf(
    'app.default.tap/staging/packageinstall.yaml',
  ) as LayoutFile<'packageInstall'>;

  it('reads the fields drift compares, never values content', () => {
    expect(readPackageInstallFile(packageInstallYaml, file, source)).toEqual({
      items: [
        {
          ...source,
          file: 'app.default.tap/staging/packageinstall.yaml',
          packageName: 'app.default.tap',
          cluster: 'staging',
          namespace: 'apps',
          name: 'app',
          constraints: '>=1.0.0',
          serviceAccountName: 'app-installer',
          valuesSecretNames: ['app-values', 'app-tls'],
          paused: true,
        },
      ],
      problems: [],
    });
  });

  it('skips other kinds and reports a PackageInstall it cannot identify, keeping the rest', () => {
    const text = `kind: Secret\nmetadata: {name: s}\n---\nkind: PackageInstall\nmetadata: {name: x}\nspec: {}\n---\n${packageInstallYaml}`;
    const result = readPackageInstallFile(text, file, source);
    expect(result.items.map(i => i.name)).toEqual(['app']);
    expect(result.problems).toEqual([
      'has a PackageInstall without metadata.name or spec.packageRef.refName',
    ]);
  });

  it('reads wrong field types as absent', () => {
    const text = `kind: PackageInstall
metadata: {name: app, namespace: apps}
spec:
  paused: "yes"
  serviceAccountName: [x]
  packageRef: {refName: app.default.tap, versionSelection: {constraints: 3}}
  values: [{secretRef: {name: 7}}, "x", {secretRef: {name: ok}}]
  cluster: {kubeconfigSecretRef: {name: remote}}
`;
    expect(readPackageInstallFile(text, file, source).items).toEqual([
      expect.objectContaining({
        valuesSecretNames: ['ok'],
        kubeconfigSecretName: 'remote',
      }),
    ]);
    const [item] = readPackageInstallFile(text, file, source).items;
    expect(item).not.toHaveProperty('paused');
    expect(item).not.toHaveProperty('constraints');
    expect(item).not.toHaveProperty('serviceAccountName');
  });

  it('turns bad YAML into a problem of the file', () => {
    expect(readPackageInstallFile('kind: [', file, source)).toEqual({
      items: [],
      problems: [expect.stringMatching(/^is not valid YAML/)],
    });
  });
});

describe('readGitopsAppFile', () => {
  it("takes the target cluster from the generator's label and the package from its annotation", () => {
    const file = gitopsFileOf(
      'app.default.tap/apps/prod.yaml',
    ) as LayoutFile<'app'>;
    expect(readGitopsAppFile(appYaml, file, source).items).toEqual([
      {
        repository: source.repository,
        commit: source.commit,
        file: 'app.default.tap/apps/prod.yaml',
        namespace: 'gitops',
        name: 'app.default.tap-prod',
        packageName: 'app.default.tap',
        targetCluster: 'prod-eu',
      },
    ]);
  });

  it('falls back to the file name and package folder for hand-written Apps', () => {
    const file = gitopsFileOf(
      'delivery/web.tap/apps/staging.yaml',
    ) as LayoutFile<'app'>;
    const text = 'kind: App\nmetadata: {name: web}\n';
    expect(readGitopsAppFile(text, file, source).items).toEqual([
      expect.objectContaining({
        namespace: 'default',
        packageName: 'web.tap',
        targetCluster: 'staging',
      }),
    ]);
  });
});

describe('readPackageFile', () => {
  const file = gitopsFileOf(
    'app.default.tap/packages/1.1.0.yaml',
  ) as LayoutFile<'package'>;
  const packageYaml = (version: string, extra = '') => `---
apiVersion: data.packaging.carvel.dev/v1alpha1
kind: Package
metadata:
  name: app.default.tap.${version}
spec:
  refName: app.default.tap
  version: "${version}"
${extra}  template:
    spec: {}
`;

  it('reads version, release date and values schema of every Package document', () => {
    const text = `${packageYaml(
      '1.1.0',
      `  releasedAt: "2026-11-01T10:00:00Z"
  valuesSchema:
    openAPIv3:
      type: object
      properties:
        replicas: {type: integer, default: 1}
`,
    )}${packageYaml('1.0.0')}`;
    expect(readPackageFile(text, file, source)).toEqual({
      items: [
        {
          repository: source.repository,
          commit: source.commit,
          file: 'app.default.tap/packages/1.1.0.yaml',
          packageName: 'app.default.tap',
          version: '1.1.0',
          releasedAt: '2026-11-01T10:00:00Z',
          valuesSchema: {
            type: 'object',
            properties: { replicas: { type: 'integer', default: 1 } },
          },
        },
        expect.objectContaining({ version: '1.0.0' }),
      ],
      problems: [],
    });
    expect(readPackageFile(text, file, source).items[1]).not.toHaveProperty(
      'valuesSchema',
    );
  });

  it('leaves out a values schema over the bounds with a note, keeping the version', () => {
    const text = packageYaml(
      '2.0.0',
      `  valuesSchema:
    openAPIv3: {description: "${'x'.repeat(300)}"}
`,
    );
    const { items } = readPackageFile(text, file, source, undefined, {
      maxBytes: 100,
      maxDepth: 8,
    });
    expect(items).toEqual([
      expect.objectContaining({
        version: '2.0.0',
        valuesSchemaProblem:
          'valuesSchema is more than 100 bytes as JSON and was left out',
      }),
    ]);
    expect(items[0]).not.toHaveProperty('valuesSchema');
  });

  it('reports a Package without refName or a string version, keeping the others', () => {
    const text = `kind: Package
spec: {refName: app.default.tap, version: 1.0}
${packageYaml('1.0.0')}`;
    const result = readPackageFile(text, file, source);
    expect(result.items.map(i => i.version)).toEqual(['1.0.0']);
    expect(result.problems).toEqual([
      'has a Package without spec.refName or spec.version (as strings)',
    ]);
  });
});
