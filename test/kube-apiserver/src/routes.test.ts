import { parseRoute } from './routes';

describe('parseRoute', () => {
  it.each([
    ['/version', { kind: 'version' }],
    ['/readyz', { kind: 'health' }],
    ['/api', { kind: 'coreVersions' }],
    ['/api/', { kind: 'coreVersions' }],
    ['/apis', { kind: 'groupList' }],
    [
      '/apis/packaging.carvel.dev',
      { kind: 'group', group: 'packaging.carvel.dev' },
    ],
    ['/api/v1', { kind: 'resourceList', group: '', version: 'v1' }],
    [
      '/apis/kappctrl.k14s.io/v1alpha1',
      { kind: 'resourceList', group: 'kappctrl.k14s.io', version: 'v1alpha1' },
    ],
    ['/openapi/v2', { kind: 'unknown' }],
    ['/apis//v1', { kind: 'unknown' }],
  ])('%s', (path, expected) => {
    expect(parseRoute(path)).toEqual(expected);
  });

  const resource = (fields: object) => ({ kind: 'resource', ...fields });

  it.each([
    ['/api/v1/namespaces', { group: '', version: 'v1', plural: 'namespaces' }],
    [
      '/api/v1/namespaces/apps',
      { group: '', version: 'v1', plural: 'namespaces', name: 'apps' },
    ],
    [
      '/api/v1/namespaces/apps/status',
      {
        group: '',
        version: 'v1',
        plural: 'namespaces',
        name: 'apps',
        subresource: 'status',
      },
    ],
    [
      '/api/v1/namespaces/apps/secrets',
      { group: '', version: 'v1', namespace: 'apps', plural: 'secrets' },
    ],
    [
      '/api/v1/namespaces/apps/secrets/s',
      {
        group: '',
        version: 'v1',
        namespace: 'apps',
        plural: 'secrets',
        name: 's',
      },
    ],
    [
      '/apis/packaging.carvel.dev/v1alpha1/namespaces/apps/packageinstalls/app/status',
      {
        group: 'packaging.carvel.dev',
        version: 'v1alpha1',
        namespace: 'apps',
        plural: 'packageinstalls',
        name: 'app',
        subresource: 'status',
      },
    ],
    [
      '/apis/packaging.carvel.dev/v1alpha1/packageinstalls',
      {
        group: 'packaging.carvel.dev',
        version: 'v1alpha1',
        plural: 'packageinstalls',
      },
    ],
    [
      '/apis/data.packaging.carvel.dev/v1alpha1/namespaces/apps/packages/app.tap.1.0.0%2Bbuild.1',
      {
        group: 'data.packaging.carvel.dev',
        version: 'v1alpha1',
        namespace: 'apps',
        plural: 'packages',
        name: 'app.tap.1.0.0+build.1',
      },
    ],
  ])('%s', (path, fields) => {
    expect(parseRoute(path)).toEqual(resource(fields));
  });

  it('rejects paths deeper than a subresource', () => {
    expect(parseRoute('/api/v1/namespaces/a/secrets/s/status/extra')).toEqual({
      kind: 'unknown',
    });
    expect(parseRoute('/api/v1/namespaces/a%ZZ')).toEqual({ kind: 'unknown' });
  });
});
