import { manifestsForCluster } from './clusterManifests';

const files = new Map([
  [
    'app.default.tap/packages/1.0.0.yaml',
    '---\napiVersion: data.packaging.carvel.dev/v1alpha1\nkind: Package\nmetadata:\n  name: app.default.tap.1.0.0\nspec:\n  refName: app.default.tap\n  version: "1.0.0"\n',
  ],
  [
    'app.default.tap/staging/packageinstall.yaml',
    '---\napiVersion: packaging.carvel.dev/v1alpha1\nkind: PackageInstall\nmetadata:\n  name: app\n  namespace: apps\nspec: {}\n',
  ],
  [
    'app.default.tap/staging/rbac.yaml',
    '---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: app-installer\n---\n# nothing\n',
  ],
  [
    'app.default.tap/apps/staging.yaml',
    '---\napiVersion: kappctrl.k14s.io/v1alpha1\nkind: App\nmetadata:\n  name: app-default-tap-staging\n',
  ],
  ['catalog.default.tap/packages/1.0.0.yaml', 'kind: Package\n'],
]);

describe('manifestsForCluster', () => {
  it('deploys the packages and the cluster folder of every package delivered to the cluster, into the PackageInstall’s namespace', () => {
    const [folder, ...others] = manifestsForCluster('staging', files);
    expect(others).toEqual([]);
    expect(folder.folder).toBe('app.default.tap');
    expect(folder.error).toBeUndefined();
    const objects = folder.error === undefined ? folder.objects : [];
    expect(
      objects.map(o => `${o.kind} ${o.metadata.namespace}/${o.metadata.name}`),
    ).toEqual([
      'Package apps/app.default.tap.1.0.0',
      'PackageInstall apps/app',
      'ServiceAccount apps/app-installer',
    ]);
    expect(
      objects.every(
        o =>
          o.metadata.annotations?.['demo.carvel-gitops.dev/simulated'] ===
          'true',
      ),
    ).toBe(true);
  });

  it('deploys nothing to a cluster without folders', () => {
    expect(manifestsForCluster('prod', files)).toEqual([]);
  });

  it('reports a folder that does not render instead of deploying part of it', () => {
    const broken = new Map(files);
    broken.set('app.default.tap/staging/params.yaml', 'kind: [Secret\n');
    expect(manifestsForCluster('staging', broken)).toEqual([
      {
        folder: 'app.default.tap',
        error: expect.stringMatching(
          /^ytt: Error: Unmarshaling YAML template 'app.default.tap\/staging\/params.yaml': /,
        ),
      },
    ]);
  });

  it('rejects documents that are not Kubernetes objects', () => {
    const broken = new Map(files);
    broken.set('app.default.tap/staging/notes.yaml', 'just: notes\n');
    const [folder] = manifestsForCluster('staging', broken);
    expect(folder.error).toContain("'app.default.tap/staging/notes.yaml'");
  });
});
