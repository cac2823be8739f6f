import {
  appResource,
  packageInstallResource,
  packageResource,
} from './carvelResources';
import { ValueInterner } from './ValueInterner';

const install = (status: Record<string, unknown>, extra = {}) => ({
  metadata: { name: 'app', namespace: 'apps', resourceVersion: '1' },
  spec: {
    packageRef: {
      refName: 'app.default.tap',
      versionSelection: { constraints: '>=1.0.0', ...extra },
    },
  },
  status,
});

describe('packageInstallResource', () => {
  it('shares settled statuses between objects and gives them back on release', () => {
    const values = new ValueInterner();
    const status = {
      version: '1.0.0',
      conditions: [{ type: 'ReconcileSucceeded', status: 'True' }],
    };
    const a = packageInstallResource.slim(install(status), values)!;
    const b = packageInstallResource.slim(install(status), values)!;
    expect(a.status).toBe(b.status);
    expect(a.spec).toBe(b.spec);
    packageInstallResource.release(a, values);
    packageInstallResource.release(b, values);
    expect(values.size).toBe(0);
  });

  it('never interns a status that carries a message', () => {
    const values = new ValueInterner();
    const failing = (message: string) =>
      install({
        usefulErrorMessage: message,
        conditions: [{ type: 'ReconcileFailed', status: 'True', message }],
      });
    const slim = packageInstallResource.slim(failing('ytt: error 1'), values)!;
    packageInstallResource.slim(failing('ytt: error 2'), values);
    expect(slim.status?.usefulErrorMessage).toBe('ytt: error 1');
    // Namespace and spec only: the two statuses stay out of the table.
    expect(values.size).toBe(2);
  });

  it('keeps only the prerelease identifiers, whatever else the object nests there', () => {
    let deep: any = {};
    for (let i = 0; i < 100_000; i++) deep = { deep };
    const slim = packageInstallResource.slim(
      install({}, { prereleases: { identifiers: ['rc', 7], deep } }),
      new ValueInterner(),
    )!;
    expect(slim.spec.packageRef.versionSelection).toEqual({
      constraints: '>=1.0.0',
      prereleases: { identifiers: ['rc'] },
    });
  });

  it('reads fields of the wrong type as absent instead of throwing', () => {
    const values = new ValueInterner();
    const slim = packageInstallResource.slim(
      {
        metadata: { name: 'wrong-types', namespace: 'apps', labels: 'x' },
        spec: { packageRef: { refName: 42, versionSelection: 'newest' } },
        status: { conditions: 'Reconciling', version: { major: 1 } },
      },
      values,
    )!;
    expect(slim.spec.packageRef.refName).toBeUndefined();
    expect(slim.status).toMatchObject({
      conditions: undefined,
      version: undefined,
    });
    expect(
      packageInstallResource.slim({ metadata: {} }, values),
    ).toBeUndefined();
  });
});

describe('packageResource', () => {
  const pkg = (spec: Record<string, unknown>) => ({
    metadata: { name: 'app.default.tap.1.0.0', namespace: 'apps' },
    spec: { refName: 'app.default.tap', version: '1.0.0', ...spec },
  });

  it('keeps the release date and the values schema, and no template', () => {
    const openAPIv3 = { type: 'object', properties: { a: { type: 'string' } } };
    const slim = packageResource.slim(
      pkg({
        releasedAt: '2026-11-01T10:00:00Z',
        valuesSchema: { openAPIv3 },
        template: { spec: { fetch: [{ imgpkgBundle: { image: 'x' } }] } },
      }),
      new ValueInterner(),
    )!;
    expect(slim.spec).toEqual({
      refName: 'app.default.tap',
      version: '1.0.0',
      releasedAt: '2026-11-01T10:00:00Z',
      valuesSchema: { openAPIv3 },
    });
    expect(slim).not.toHaveProperty('valuesSchemaProblem');
  });

  it('leaves out an oversized values schema with a note, keeping the version', () => {
    const slim = packageResource.slim(
      pkg({
        valuesSchema: { openAPIv3: { description: 'x'.repeat(70 * 1024) } },
      }),
      new ValueInterner(),
    )!;
    expect(slim.spec).not.toHaveProperty('valuesSchema');
    expect(slim.spec.version).toBe('1.0.0');
    expect(slim.valuesSchemaProblem).toBe(
      'valuesSchema is more than 65536 bytes as JSON and was left out',
    );
  });
});

describe('packageResource and appResource', () => {
  it('slim and release without leaving shared values behind', () => {
    const values = new ValueInterner();
    const pkg = packageResource.slim(
      {
        metadata: { name: 'app.default.tap.1.0.0', namespace: 'apps' },
        spec: {
          refName: 'app.default.tap',
          version: '1.0.0',
          valuesSchema: { openAPIv3: { type: 'object' } },
        },
      },
      values,
    )!;
    expect(values.size).toBe(3);
    const app = appResource.slim(
      {
        metadata: {
          name: 'app',
          namespace: 'apps',
          annotations: { 'carvel.dev/package-name': 'app.default.tap' },
          ownerReferences: [
            {
              kind: 'PackageInstall',
              apiVersion: 'packaging.carvel.dev/v1alpha1',
              name: 'app',
            },
          ],
        },
        status: { deploy: { startedAt: 'now' } },
      },
      values,
    )!;
    expect(app.ownerPackageInstall).toBe('app');
    packageResource.release(pkg, values);
    appResource.release(app, values);
    expect(values.size).toBe(0);
  });
});

describe('appResource', () => {
  const app = (name: string, status: Record<string, unknown>) => ({
    metadata: { name, namespace: 'apps', resourceVersion: '1' },
    status,
  });
  const settled = {
    conditions: [{ type: 'ReconcileSucceeded', status: 'True' }],
    friendlyDescription: 'Reconcile succeeded',
  };

  it("shares settled conditions and description between Apps, keeping each App's own step times", () => {
    const values = new ValueInterner();
    const a = appResource.slim(
      app('a', { ...settled, deploy: { startedAt: 't1', finished: true } }),
      values,
    )!;
    const b = appResource.slim(
      app('b', { ...settled, deploy: { startedAt: 't2', finished: true } }),
      values,
    )!;
    expect(a.status?.conditions).toBe(b.status?.conditions);
    expect(a.status?.friendlyDescription).toBe('Reconcile succeeded');
    expect(a.status?.deploy).toMatchObject({ startedAt: 't1', finished: true });
    expect(b.status?.deploy).toMatchObject({ startedAt: 't2', finished: true });
    appResource.release(a, values);
    appResource.release(b, values);
    expect(values.size).toBe(0);
  });

  it('never shares conditions that carry a message', () => {
    const values = new ValueInterner();
    const failing = (name: string, message: string) =>
      app(name, {
        conditions: [{ type: 'ReconcileFailed', status: 'True', message }],
        usefulErrorMessage: message,
      });
    const a = appResource.slim(failing('a', 'kapp: error 1'), values)!;
    const b = appResource.slim(failing('b', 'kapp: error 1'), values)!;
    expect(a.status?.conditions).not.toBe(b.status?.conditions);
    expect(a.status?.conditions).toEqual([
      { type: 'ReconcileFailed', status: 'True', message: 'kapp: error 1' },
    ]);
    appResource.release(a, values);
    appResource.release(b, values);
    expect(values.size).toBe(0);
  });
});

describe('what drift reads', () => {
  const SHA = '3f786850e387550fdab836ed7e6dc881de23001b';
  const lock = [
    'apiVersion: vendir.k14s.io/v1alpha1',
    'directories:',
    '- contents:',
    '  - git:',
    '      commitTitle: Deliver app.default.tap',
    `      sha: ${SHA}`,
    '    path: .',
    '  path: "0"',
    'kind: LockConfig',
    '',
  ].join('\n');

  it('keeps the PackageInstall fields git decides: service account, values Secret names, target cluster', () => {
    const slim = packageInstallResource.slim(
      {
        metadata: { name: 'app', namespace: 'apps' },
        spec: {
          serviceAccountName: 'app-sa',
          packageRef: { refName: 'app.default.tap' },
          values: [
            { secretRef: { name: 'app-values', key: 'values.yaml' } },
            { secretRef: { name: 7 } },
            'x',
          ],
          cluster: {
            namespace: 'apps',
            kubeconfigSecretRef: { name: 'prod-kubeconfig', key: 'value' },
          },
        },
      },
      new ValueInterner(),
    )!;
    expect(slim.spec).toMatchObject({
      serviceAccountName: 'app-sa',
      values: [{ secretRef: { name: 'app-values' } }],
      cluster: {
        namespace: 'apps',
        kubeconfigSecretRef: { name: 'prod-kubeconfig' },
      },
    });
  });

  it('keeps at most 50 values entries of a PackageInstall', () => {
    const values = Array.from({ length: 100_000 }, (_, i) => ({
      secretRef: { name: `s${i}` },
    }));
    const slim = packageInstallResource.slim(
      {
        metadata: { name: 'app', namespace: 'apps' },
        spec: { packageRef: { refName: 'app.default.tap' }, values },
      },
      new ValueInterner(),
    )!;
    expect(slim.spec.values).toHaveLength(50);
  });

  it("keeps a GitOps App's target cluster label, kubeconfig Secret name, step results and the fetched commit, not the fetch output", () => {
    const values = new ValueInterner();
    const app = appResource.slim(
      {
        metadata: {
          name: 'app.default.tap-staging',
          namespace: 'gitops',
          labels: { 'carvel.dev/cluster': 'staging', other: 'x' },
          annotations: { 'carvel.dev/package-name': 'app.default.tap' },
        },
        spec: {
          cluster: {
            namespace: 'apps',
            kubeconfigSecretRef: { name: 'staging-kubeconfig', key: 'value' },
          },
        },
        status: {
          fetch: { exitCode: 0, stdout: lock, updatedAt: 't1' },
          deploy: { exitCode: 0, finished: true, stdout: 'Succeeded' },
        },
      },
      values,
    )!;
    expect(app.metadata.labels).toEqual({ 'carvel.dev/cluster': 'staging' });
    expect(app.spec.cluster).toEqual({
      namespace: 'apps',
      kubeconfigSecretRef: { name: 'staging-kubeconfig' },
    });
    expect(app.status?.fetch).toEqual({
      exitCode: 0,
      updatedAt: 't1',
      startedAt: undefined,
    });
    expect(app.status?.deploy).toMatchObject({ exitCode: 0, finished: true });
    expect(app.fetchedCommit).toBe(SHA);
    expect(JSON.stringify(app)).not.toContain('LockConfig');
    appResource.release(app, values);
    expect(values.size).toBe(0);
  });

  it('has no fetched commit for a fetch output over the bound', () => {
    const app = appResource.slim(
      {
        metadata: { name: 'a', namespace: 'gitops' },
        status: {
          fetch: { exitCode: 0, stdout: `${lock}#${'x'.repeat(1_000_000)}` },
        },
      },
      new ValueInterner(),
    )!;
    expect(app.fetchedCommit).toBeUndefined();
  });
});
