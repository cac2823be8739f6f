import { gitopsFileOf } from './gitopsFiles';

describe('gitopsFileOf', () => {
  it('knows the PackageInstall file of a cluster folder, also below nested package folders', () => {
    expect(gitopsFileOf('app.default.tap/staging/packageinstall.yaml')).toEqual(
      {
        kind: 'packageInstall',
        path: 'app.default.tap/staging/packageinstall.yaml',
        packageFolder: 'app.default.tap',
        cluster: 'staging',
      },
    );
    expect(
      gitopsFileOf('delivery/app.default.tap/prod/packageinstall.yaml'),
    ).toMatchObject({
      packageFolder: 'delivery/app.default.tap',
      cluster: 'prod',
    });
  });

  it('knows the GitOps App file of a cluster', () => {
    expect(gitopsFileOf('app.default.tap/apps/prod.yaml')).toEqual({
      kind: 'app',
      path: 'app.default.tap/apps/prod.yaml',
      packageFolder: 'app.default.tap',
      cluster: 'prod',
    });
  });

  it.each([
    'app.default.tap/packages/1.0.0.yaml',
    'app.default.tap/staging/params.yaml',
    'app.default.tap/packages/packageinstall.yaml',
    'packageinstall.yaml',
    'staging/packageinstall.yaml',
    'README.md',
  ])('ignores %s', path => {
    expect(gitopsFileOf(path)).toBeUndefined();
  });
});
