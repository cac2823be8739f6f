import type {
  DesiredPackageVersion,
  DesiredState,
} from '@carvel-gitops/plugin-carvel-common';
import type { SlimPackage } from '../cluster/carvelResources';
import {
  ClusterPackagesView,
  isKnownPackage,
  listKnownPackages,
  listPackageVersions,
} from './knownPackages';

function pkg(
  refName: string,
  version: string,
  extra: Partial<SlimPackage['spec']> & { valuesSchemaProblem?: string } = {},
): SlimPackage {
  const { valuesSchemaProblem, ...spec } = extra;
  return {
    apiVersion: 'data.packaging.carvel.dev/v1alpha1',
    kind: 'Package',
    metadata: { name: `${refName}.${version}`, namespace: 'apps' },
    spec: { refName, version, ...spec },
    ...(valuesSchemaProblem ? { valuesSchemaProblem } : {}),
  };
}

function cluster(name: string, packages: SlimPackage[]): ClusterPackagesView {
  return {
    name,
    packages: {
      get: packageName => packages.filter(p => p.spec.refName === packageName),
      packageNames: () => [...new Set(packages.map(p => p.spec.refName))],
    },
  };
}

function gitPackage(
  packageName: string,
  version: string,
  extra: Partial<DesiredPackageVersion> = {},
): DesiredPackageVersion {
  return {
    repository: '/srv/gitops.git',
    commit: 'c'.repeat(40),
    file: `${packageName}/packages/${version}.yaml`,
    packageName,
    version,
    ...extra,
  };
}

function desired(
  packages: DesiredPackageVersion[],
  deliveries: Array<{ packageName: string; cluster: string }> = [],
  apps: Array<{ packageName: string; targetCluster: string }> = [],
): DesiredState {
  return {
    repositories: [
      {
        repository: '/srv/gitops.git',
        branch: 'main',
        packages,
        packageInstalls: deliveries.map(d => ({
          ...d,
          repository: '/srv/gitops.git',
          commit: 'c'.repeat(40),
          committedAt: '2026-11-30T10:00:00Z',
          file: `${d.packageName}/${d.cluster}/packageinstall.yaml`,
          namespace: 'apps',
          name: 'app',
          valuesSecretNames: [],
        })),
        apps: apps.map(a => ({
          ...a,
          repository: '/srv/gitops.git',
          commit: 'c'.repeat(40),
          file: `${a.packageName}/apps/${a.targetCluster}.yaml`,
          namespace: 'gitops',
          name: `${a.packageName}-${a.targetCluster}`,
        })),
        problems: [],
      },
    ],
  };
}

describe('listKnownPackages', () => {
  it('joins the clusters and git, versions highest first in kapp-controller order', () => {
    const known = listKnownPackages(
      [
        cluster('staging', [
          pkg('app.default.tap', '1.10.0'),
          pkg('app.default.tap', '1.9.0'),
        ]),
        cluster('prod', [
          pkg('app.default.tap', '1.9.0'),
          pkg('db.default.tap', '2.0.0-rc.1'),
          pkg('db.default.tap', '2.0.0'),
        ]),
      ],
      desired(
        [gitPackage('app.default.tap', '1.11.0')],
        [{ packageName: 'app.default.tap', cluster: 'eu' }],
        [{ packageName: 'app.default.tap', targetCluster: 'us' }],
      ),
    );
    expect(known).toEqual([
      {
        packageName: 'app.default.tap',
        clusters: ['eu', 'prod', 'staging', 'us'],
        versions: ['1.11.0', '1.10.0', '1.9.0'],
      },
      {
        packageName: 'db.default.tap',
        clusters: ['prod'],
        versions: ['2.0.0', '2.0.0-rc.1'],
      },
    ]);
  });

  it('knows a package git delivers before any Package of it exists', () => {
    expect(
      listKnownPackages(
        [],
        desired([], [{ packageName: 'web.tap', cluster: 'prod' }]),
      ),
    ).toEqual([{ packageName: 'web.tap', clusters: ['prod'], versions: [] }]);
  });

  it('is empty without clusters or repositories', () => {
    expect(listKnownPackages([], { repositories: [] })).toEqual([]);
  });
});

describe('listPackageVersions', () => {
  const schema = (title: string) => ({ type: 'object', title });

  it("takes git's release date and schema first, then the clusters' in name order", () => {
    const versions = listPackageVersions(
      'app.default.tap',
      [
        cluster('staging', [
          pkg('app.default.tap', '1.0.0', {
            releasedAt: '2026-01-01T00:00:00Z',
            valuesSchema: { openAPIv3: schema('staging') },
          }),
          pkg('app.default.tap', '2.0.0', {
            valuesSchema: { openAPIv3: schema('staging 2') },
          }),
          pkg('other.tap', '9.0.0'),
        ]),
        cluster('prod', [
          pkg('app.default.tap', '1.0.0', {
            valuesSchema: { openAPIv3: schema('prod') },
          }),
        ]),
      ],
      desired([
        gitPackage('app.default.tap', '1.0.0', {
          valuesSchema: schema('git'),
        }),
        gitPackage('app.default.tap', '3.0.0-rc.1'),
      ]),
    );
    expect(versions).toEqual([
      { version: '3.0.0-rc.1', clusters: [], inGit: true },
      {
        version: '2.0.0',
        valuesSchema: schema('staging 2'),
        clusters: ['staging'],
        inGit: false,
      },
      {
        version: '1.0.0',
        releasedAt: '2026-01-01T00:00:00Z',
        valuesSchema: schema('git'),
        clusters: ['prod', 'staging'],
        inGit: true,
      },
    ]);
  });

  it('says why a schema is missing only when no source kept one', () => {
    const note =
      'valuesSchema is more than 65536 bytes as JSON and was left out';
    const versions = listPackageVersions(
      'app.default.tap',
      [
        cluster('a', [
          pkg('app.default.tap', '1.0.0', { valuesSchemaProblem: note }),
          pkg('app.default.tap', '2.0.0', { valuesSchemaProblem: note }),
        ]),
        cluster('b', [
          pkg('app.default.tap', '2.0.0', {
            valuesSchema: { openAPIv3: schema('b') },
          }),
        ]),
      ],
      { repositories: [] },
    );
    expect(versions).toEqual([
      expect.objectContaining({ version: '2.0.0', valuesSchema: schema('b') }),
      expect.objectContaining({ version: '1.0.0', valuesSchemaNote: note }),
    ]);
    expect(versions[0]).not.toHaveProperty('valuesSchemaNote');
  });

  it('is empty for a package nobody knows', () => {
    expect(
      listPackageVersions('nope.tap', [cluster('a', [])], desired([])),
    ).toEqual([]);
  });
});

describe('isKnownPackage', () => {
  it('knows a package from a cluster Package, a git Package file or a git delivery', () => {
    const clusters = [cluster('a', [pkg('app.default.tap', '1.0.0')])];
    const git = desired(
      [gitPackage('db.tap', '1.0.0')],
      [{ packageName: 'web.tap', cluster: 'prod' }],
      [{ packageName: 'cache.tap', targetCluster: 'prod' }],
    );
    for (const name of ['app.default.tap', 'db.tap', 'web.tap', 'cache.tap']) {
      expect(isKnownPackage(name, clusters, git)).toBe(true);
    }
    expect(isKnownPackage('nope.tap', clusters, git)).toBe(false);
  });
});
