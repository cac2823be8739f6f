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
});

describe('which clusters a package card lists', () => {
  const delivery = (
    name: string,
    targetCluster?: string,
    packageName = PACKAGE_NAME,
  ) => ({
    namespace: 'gitops-delivery',
    name,
    status: 'succeeded' as const,
    packageName,
    ...(targetCluster ? { targetCluster } : {}),
  });

  it('lists the clusters holding a PackageInstall and those its Apps deliver to, not the others', () => {
    const [section] = buildPackageSections(
      entityStatus([
        cluster('staging'),
        cluster('prod', { packageInstalls: [] }),
        cluster('unrelated', { packageInstalls: [] }),
        cluster('build', {
          packageInstalls: [],
          apps: [
            delivery('app-default-tap-staging', 'staging'),
            delivery('app-default-tap-prod', 'prod'),
            delivery('db-default-tap-qa', 'qa', 'db.default.tap'),
          ],
        }),
        cluster('qa', { packageInstalls: [] }),
        cluster('in-place', {
          packageInstalls: [],
          apps: [delivery('unlabelled')],
        }),
      ]),
    );
    expect(section.rows.map(row => row.clusterName)).toEqual(['staging']);
    expect(section.clustersWithoutInstall).toEqual(['prod', 'in-place']);
  });

  it('keeps a cluster in error out of a package it held nothing of, and marks its last rows stale', () => {
    const sections = buildPackageSections({
      ...entityStatus([
        cluster('staging'),
        cluster('prod', {
          state: 'error',
          error: { type: 'unreachable', message: 'connect ECONNREFUSED' },
          stale: { lastSyncedAt: '2024-05-01T09:00:00Z' },
        }),
        cluster('qa', {
          state: 'error',
          error: { type: 'timeout', message: 'no answer' },
          stale: { lastSyncedAt: '2024-05-01T09:00:00Z' },
          packageInstalls: [packageInstall({ packageName: 'db.default.tap' })],
        }),
      ]),
      packageNames: [PACKAGE_NAME, 'db.default.tap'],
    });
    const [app, db] = sections;
    expect(app.rows.map(row => `${row.kind}:${row.clusterName}`)).toEqual([
      'install:staging',
      'cluster-error:prod',
      'install:prod',
    ]);
    expect(app.rows[0]).not.toHaveProperty('stale');
    expect(app.rows[2]).toMatchObject({
      stale: { lastSyncedAt: '2024-05-01T09:00:00Z' },
    });
    expect(db.rows.map(row => `${row.kind}:${row.clusterName}`)).toEqual([
      'cluster-error:qa',
      'install:qa',
    ]);
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

  it('names the run cluster an App delivers to beside the build cluster it lives on', () => {
    const rows = buildAppRows(
      entityStatus([
        cluster('build', {
          packageInstalls: [],
          apps: [
            {
              namespace: 'gitops',
              name: 'app-staging',
              status: 'succeeded',
              targetCluster: 'staging',
            },
            { namespace: 'gitops', name: 'local', status: 'succeeded' },
          ],
        }),
      ]),
    );
    expect(rows.map(row => [row.clusterName, row.runCluster])).toEqual([
      ['build', 'staging'],
      ['build', 'build'],
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
