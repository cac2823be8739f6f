import { buildAppRows, buildPackageSections } from './packageSections';
import {
  DEFAULT_ROW_VIEW,
  rowViewChoices,
  viewAppRows,
  viewPackageSection,
} from './rowView';
import {
  cluster,
  entityStatus,
  packageInstall,
} from './__testUtils__/carvelStatus';

const status = entityStatus([
  cluster('staging'),
  cluster('prod', {
    state: 'error',
    error: { type: 'unreachable', message: 'down' },
    stale: { lastSyncedAt: '2024-05-01T09:00:00Z' },
  }),
  cluster('dev', {
    packageInstalls: [packageInstall({ status: 'failed' })],
  }),
  cluster('build', {
    packageInstalls: [],
    apps: [
      {
        namespace: 'gitops',
        name: 'app-staging',
        status: 'succeeded',
        targetCluster: 'staging',
      },
      {
        namespace: 'gitops',
        name: 'app-dev',
        status: 'failed',
        targetCluster: 'dev',
      },
    ],
  }),
]);
const [section] = buildPackageSections(status);
const appRows = buildAppRows(status);
const idsOf = (rows: Array<{ id: string }>) => rows.map(row => row.id);

describe('viewPackageSection', () => {
  it('keeps the backend order by default', () => {
    expect(idsOf(viewPackageSection(section, DEFAULT_ROW_VIEW).rows)).toEqual([
      'staging/apps/app',
      'prod#error',
      'prod/apps/app',
      'dev/apps/app',
    ]);
  });

  it('sorts by cluster name or by status, an error row staying above its stale rows', () => {
    expect(
      idsOf(viewPackageSection(section, { sort: 'cluster' }).rows),
    ).toEqual([
      'dev/apps/app',
      'prod#error',
      'prod/apps/app',
      'staging/apps/app',
    ]);
    expect(idsOf(viewPackageSection(section, { sort: 'status' }).rows)).toEqual(
      ['prod#error', 'prod/apps/app', 'dev/apps/app', 'staging/apps/app'],
    );
  });

  it('filters by cluster and by status', () => {
    expect(
      idsOf(
        viewPackageSection(section, { sort: 'configured', cluster: 'prod' })
          .rows,
      ),
    ).toEqual(['prod#error', 'prod/apps/app']);
    expect(
      idsOf(
        viewPackageSection(section, { sort: 'configured', status: 'failed' })
          .rows,
      ),
    ).toEqual(['dev/apps/app']);
  });
});

describe('viewAppRows', () => {
  it('matches an App by the cluster it delivers to', () => {
    expect(
      idsOf(viewAppRows(appRows, { sort: 'configured', cluster: 'dev' })),
    ).toEqual(['app:build/gitops/app-dev']);
    expect(idsOf(viewAppRows(appRows, { sort: 'cluster' }))).toEqual([
      'app:build/gitops/app-dev',
      'app:build/gitops/app-staging',
    ]);
  });
});

describe('rowViewChoices', () => {
  it('offers every cluster shown and the statuses present, attention first', () => {
    expect(rowViewChoices([section], appRows)).toEqual({
      clusters: ['build', 'dev', 'prod', 'staging'],
      statuses: ['error', 'failed', 'succeeded'],
    });
  });
});
