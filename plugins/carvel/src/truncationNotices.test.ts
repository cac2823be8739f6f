import { cluster, entityStatus } from './__testUtils__/carvelStatus';
import { buildTruncationNotices } from './truncationNotices';

describe('buildTruncationNotices', () => {
  it('says how many PackageInstalls and Apps each capped cluster left out', () => {
    expect(
      buildTruncationNotices(
        entityStatus([
          cluster('staging', { truncated: 1950 }),
          cluster('dev'),
          cluster('prod', { truncated: 1, truncatedApps: 3 }),
          cluster('build', { truncatedApps: 1 }),
        ]),
      ),
    ).toEqual([
      { clusterName: 'staging', packageInstalls: 1950 },
      { clusterName: 'prod', packageInstalls: 1, apps: 3 },
      { clusterName: 'build', apps: 1 },
    ]);
  });

  it('has nothing to say when no cluster was capped', () => {
    expect(buildTruncationNotices(entityStatus([cluster('staging')]))).toEqual(
      [],
    );
  });
});
