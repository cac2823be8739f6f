import {
  apiGroup,
  apiGroupList,
  apiResourceList,
  apiVersions,
  versionInfo,
} from './discovery';
import { builtInResourceTypes } from './resources';

const types = builtInResourceTypes();

describe('discovery documents', () => {
  it('lists the API groups with their versions', () => {
    expect(apiGroupList(types)).toEqual({
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: [
        expect.objectContaining({
          name: 'rbac.authorization.k8s.io',
          preferredVersion: {
            groupVersion: 'rbac.authorization.k8s.io/v1',
            version: 'v1',
          },
        }),
        expect.objectContaining({ name: 'packaging.carvel.dev' }),
        expect.objectContaining({ name: 'data.packaging.carvel.dev' }),
        expect.objectContaining({ name: 'kappctrl.k14s.io' }),
      ],
    });
    expect(apiGroup(types, 'kappctrl.k14s.io')).toMatchObject({
      kind: 'APIGroup',
      versions: [
        { groupVersion: 'kappctrl.k14s.io/v1alpha1', version: 'v1alpha1' },
      ],
    });
    expect(apiGroup(types, 'apps')).toBeUndefined();
  });

  it('describes resources with verbs, short names, categories and status subresources', () => {
    const list = apiResourceList(types, 'packaging.carvel.dev/v1alpha1') as any;
    expect(list.groupVersion).toBe('packaging.carvel.dev/v1alpha1');
    expect(list.resources[0]).toEqual({
      name: 'packageinstalls',
      singularName: 'packageinstall',
      namespaced: true,
      kind: 'PackageInstall',
      verbs: [
        'create',
        'delete',
        'deletecollection',
        'get',
        'list',
        'patch',
        'update',
        'watch',
      ],
      shortNames: ['pkgi'],
      categories: ['carvel'],
      storageVersionHash: expect.any(String),
    });
    expect(list.resources[1]).toMatchObject({
      name: 'packageinstalls/status',
      verbs: ['get', 'patch', 'update'],
    });
    const core = apiResourceList(types, 'v1') as any;
    expect(core.resources.map((r: any) => r.name)).toEqual([
      'namespaces',
      'namespaces/status',
      'secrets',
      'configmaps',
      'serviceaccounts',
    ]);
    const aggregated = apiResourceList(
      types,
      'data.packaging.carvel.dev/v1alpha1',
    ) as any;
    expect(
      aggregated.resources.map((r: any) => [
        r.name,
        r.shortNames,
        r.categories,
      ]),
    ).toEqual([
      ['packages', ['pkg'], undefined],
      ['packagemetadatas', ['pkgm'], undefined],
    ]);
    expect(apiResourceList(types, 'apps/v1')).toBeUndefined();
  });

  it('answers /api and /version', () => {
    expect(apiVersions('127.0.0.1:6443')).toEqual({
      kind: 'APIVersions',
      versions: ['v1'],
      serverAddressByClientCIDRs: [
        { clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:6443' },
      ],
    });
    expect(versionInfo('1.32.0')).toMatchObject({
      major: '1',
      minor: '32',
      gitVersion: 'v1.32.0',
    });
  });
});
