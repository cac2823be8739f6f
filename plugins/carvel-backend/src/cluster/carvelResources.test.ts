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

describe('packageResource and appResource', () => {
  it('slim and release without leaving shared values behind', () => {
    const values = new ValueInterner();
    const pkg = packageResource.slim(
      {
        metadata: { name: 'app.default.tap.1.0.0', namespace: 'apps' },
        spec: { refName: 'app.default.tap', version: '1.0.0' },
      },
      values,
    )!;
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
