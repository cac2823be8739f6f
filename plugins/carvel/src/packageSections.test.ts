import {
  buildAppRows,
  buildPackageSections,
  hasGitState,
  isNothingFound,
} from './packageSections';
import {
  PACKAGE_NAME,
  cluster,
  entityStatus,
  packageInstall,
} from './__testUtils__/carvelStatus';

describe('buildPackageSections', () => {
  it('makes one row per cluster and PackageInstall, in cluster order', () => {
    const [section] = buildPackageSections(
      entityStatus([
        cluster('staging', {
          packageInstalls: [
            packageInstall({ namespace: 'b', name: 'app' }),
            packageInstall({ namespace: 'a', name: 'app' }),
          ],
        }),
        cluster('production'),
      ]),
    );

    expect(section.packageName).toBe(PACKAGE_NAME);
    expect(section.rows.map(row => row.id)).toEqual([
      'staging/a/app',
      'staging/b/app',
      'production/apps/app',
    ]);
    expect(section.clustersWithoutInstall).toEqual([]);
  });

  it('puts a cluster in error in every package, next to the others', () => {
    const sections = buildPackageSections({
      ...entityStatus([
        cluster('staging'),
        cluster('production', {
          state: 'error',
          error: { type: 'forbidden', message: 'packageinstalls is forbidden' },
          packageInstalls: [],
        }),
      ]),
      packageNames: [PACKAGE_NAME, 'db.default.tap'],
    });

    expect(sections.map(section => section.rows.map(row => row.kind))).toEqual([
      ['install', 'cluster-error'],
      ['cluster-error'],
    ]);
    expect(sections[1].clustersWithoutInstall).toEqual(['staging']);
  });

  it('describes a cluster in error that came without details', () => {
    const [section] = buildPackageSections(
      entityStatus([
        cluster('staging', { state: 'error', packageInstalls: [] }),
      ]),
    );

    expect(section.rows[0]).toMatchObject({
      kind: 'cluster-error',
      error: { type: 'unknown' },
    });
  });

  it('adds a section for installs of a package the entity did not list', () => {
    const sections = buildPackageSections(
      entityStatus([
        cluster('staging', {
          packageInstalls: [
            packageInstall({ packageName: 'other.default.tap' }),
          ],
        }),
      ]),
    );

    expect(sections.map(section => section.packageName)).toEqual([
      PACKAGE_NAME,
      'other.default.tap',
    ]);
    expect(sections[0].clustersWithoutInstall).toEqual(['staging']);
  });

  it('offers a newer version only when the constraints do not take it', () => {
    const versions = ['1.0.0', '1.1.0', '1.2.0'];
    const [section] = buildPackageSections(
      entityStatus([
        cluster('staging', {
          packages: [{ packageName: PACKAGE_NAME, versions }],
          packageInstalls: [
            packageInstall({
              name: 'pinned',
              constraints: '1.0.0',
              version: '1.0.0',
            }),
            packageInstall({
              name: 'open',
              constraints: '>=1.0.0',
              version: '1.1.0',
            }),
            packageInstall({
              name: 'current',
              constraints: '1.2.0',
              version: '1.2.0',
            }),
          ],
        }),
      ]),
    );

    expect(
      Object.fromEntries(
        section.rows.map(row => [
          row.id,
          row.kind === 'install' ? row.availableUpdate : 'error',
        ]),
      ),
    ).toEqual({
      'staging/apps/current': undefined,
      'staging/apps/open': undefined,
      'staging/apps/pinned': '1.2.0',
    });
  });

  it('falls back to the latest version when the cluster lists none', () => {
    const [section] = buildPackageSections(
      entityStatus([
        cluster('staging', {
          packages: [],
          packageInstalls: [
            packageInstall({
              constraints: '1.0.0',
              version: '1.0.0',
              latestVersion: '1.1.0',
            }),
          ],
        }),
      ]),
    );

    expect(section.rows[0]).toMatchObject({ availableUpdate: '1.1.0' });
  });

  it('leaves out the update when the install has no version yet', () => {
    const [section] = buildPackageSections(
      entityStatus([
        cluster('staging', {
          packageInstalls: [packageInstall({ version: undefined })],
        }),
      ]),
    );

    expect(section.rows[0]).toMatchObject({ availableUpdate: undefined });
  });
});

describe('clustersWithoutInstall', () => {
  it('leaves out a build cluster whose Apps deliver to other clusters', () => {
    const [section] = buildPackageSections(
      entityStatus([
        cluster('staging'),
        cluster('prod', { packageInstalls: [] }),
        cluster('build', {
          packageInstalls: [],
          apps: [
            {
              namespace: 'gitops-delivery',
              name: 'app-default-tap-staging',
              status: 'succeeded',
              targetCluster: 'staging',
            },
          ],
        }),
        cluster('empty-build', {
          packageInstalls: [],
          apps: [
            {
              namespace: 'gitops-delivery',
              name: 'unlabelled',
              status: 'succeeded',
            },
          ],
        }),
      ]),
    );
    expect(section.clustersWithoutInstall).toEqual(['prod', 'empty-build']);
  });
});

describe('showsGit', () => {
  const sectionsOf = (...installs: ReturnType<typeof packageInstall>[]) =>
    buildPackageSections(
      entityStatus([
        cluster('staging', { packageInstalls: installs }),
        cluster('production', { packageInstalls: [] }),
      ]),
    );

  it('hides the Git column when every drift is unknown and nothing came from git', () => {
    const [section] = sectionsOf(
      packageInstall({ name: 'a', drift: 'unknown' }),
      packageInstall({ name: 'b' }),
    );
    expect(section.showsGit).toBe(false);
    expect(hasGitState(entityStatus([]))).toBe(false);
  });

  it('shows it when one PackageInstall has a known drift', () => {
    const [section] = sectionsOf(
      packageInstall({ name: 'a', drift: 'unknown' }),
      packageInstall({ name: 'b', drift: 'not-in-git' }),
    );
    expect(section.showsGit).toBe(true);
  });

  it('shows it when git declares a PackageInstall even if its drift is unknown', () => {
    const [section] = sectionsOf(
      packageInstall({
        drift: 'unknown',
        desired: {
          constraints: '>=0.0.0',
          commit: '3f786850e387550fdab836ed7e6dc881de23001b',
          file: 'app.default.tap/staging/packageinstall.yaml',
        },
      }),
    );
    expect(section.showsGit).toBe(true);
  });

  it('decides once for the whole answer, so every package has the same columns', () => {
    const sections = buildPackageSections({
      ...entityStatus([
        cluster('staging', {
          packageInstalls: [packageInstall({ drift: 'in-sync' })],
        }),
      ]),
      packageNames: [PACKAGE_NAME, 'db.default.tap'],
    });
    expect(sections.map(section => section.showsGit)).toEqual([true, true]);
  });
});

describe('buildAppRows', () => {
  it('lists the Apps of every cluster', () => {
    const rows = buildAppRows(
      entityStatus([
        cluster('staging', {
          apps: [
            { namespace: 'gitops', name: 'app-staging', status: 'succeeded' },
          ],
        }),
        cluster('production', {
          apps: [
            { namespace: 'gitops', name: 'app-production', status: 'failed' },
          ],
        }),
      ]),
    );

    expect(rows.map(row => row.id)).toEqual([
      'app:staging/gitops/app-staging',
      'app:production/gitops/app-production',
    ]);
  });
});

describe('isNothingFound', () => {
  it('is true only when every cluster answered with nothing', () => {
    const empty = cluster('staging', { packageInstalls: [] });
    expect(isNothingFound(entityStatus([empty]))).toBe(true);
    expect(isNothingFound(entityStatus([]))).toBe(true);
    expect(isNothingFound(entityStatus([empty, cluster('production')]))).toBe(
      false,
    );
    expect(
      isNothingFound(
        entityStatus([{ ...empty, state: 'error', error: undefined }]),
      ),
    ).toBe(false);
    expect(
      isNothingFound(
        entityStatus([
          {
            ...empty,
            apps: [{ namespace: 'gitops', name: 'app', status: 'failed' }],
          },
        ]),
      ),
    ).toBe(false);
  });
});
