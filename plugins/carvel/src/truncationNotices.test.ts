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
      {
        clusterName: 'staging',
        text: '1950 more PackageInstalls on this cluster not shown',
      },
      {
        clusterName: 'prod',
        text: '1 more PackageInstall on this cluster not shown; 3 more Apps on this cluster not shown',
      },
      {
        clusterName: 'build',
        text: '1 more App on this cluster not shown',
      },
    ]);
  });

  it('has nothing to say when no cluster was capped', () => {
    expect(buildTruncationNotices(entityStatus([cluster('staging')]))).toEqual(
      [],
    );
  });
});
