import {
  buildAppRows,
  buildPackageSections,
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
