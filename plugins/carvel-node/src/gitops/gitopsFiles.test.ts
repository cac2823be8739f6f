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

  it('knows the Package files of a package folder', () => {
    expect(gitopsFileOf('app.default.tap/packages/1.0.0.yaml')).toEqual({
      kind: 'package',
      path: 'app.default.tap/packages/1.0.0.yaml',
      packageFolder: 'app.default.tap',
    });
    expect(gitopsFileOf('a/b/packages/packageinstall.yml')).toMatchObject({
      kind: 'package',
      packageFolder: 'a/b',
    });
  });

  it.each([
    'app.default.tap/staging/params.yaml',
    'app.default.tap/packages/nested/1.0.0.yaml',
    'packages/1.0.0.yaml',
    'packageinstall.yaml',
    'staging/packageinstall.yaml',
    'README.md',
  ])('ignores %s', path => {
    expect(gitopsFileOf(path)).toBeUndefined();
  });
});
