import {
  cluster,
  entityStatus,
  packageInstall,
  PACKAGE_NAME,
} from '../../__testUtils__/carvelStatus';
import { buildOverviewLines } from './overviewLines';

describe('buildOverviewLines', () => {
  it('gives one line per run cluster, worst status first, newest reconcile, in cluster order', () => {
    const lines = buildOverviewLines({
      ...entityStatus([
        cluster('staging', {
          packageInstalls: [
            packageInstall({ updatedAt: '2024-05-01T09:00:00Z' }),
            packageInstall({
              packageName: 'db.default.tap',
              status: 'failed',
              version: '2.0.0',
              updatedAt: '2024-05-01T09:30:00Z',
            }),
          ],
        }),
        cluster('prod', {
          state: 'error',
          error: { type: 'unreachable', message: 'down' },
          stale: { lastSyncedAt: '2024-05-01T08:00:00Z' },
        }),
        cluster('build', {
          packageInstalls: [],
          apps: [
            {
              namespace: 'gitops',
              name: 'app-qa',
              status: 'succeeded',
              packageName: PACKAGE_NAME,
              targetCluster: 'qa',
            },
          ],
        }),
        cluster('qa', { packageInstalls: [] }),
      ]),
      packageNames: [PACKAGE_NAME, 'db.default.tap'],
    });
    expect(lines).toEqual([
      {
        cluster: 'staging',
        status: 'failed',
        reconciledAt: '2024-05-01T09:30:00Z',
        installs: [
          { packageName: 'db.default.tap', version: '2.0.0', status: 'failed' },
          { packageName: PACKAGE_NAME, version: '1.1.0', status: 'succeeded' },
        ],
      },
      {
        cluster: 'prod',
        error: { type: 'unreachable', message: 'down' },
        stale: { lastSyncedAt: '2024-05-01T08:00:00Z' },
        status: 'succeeded',
        reconciledAt: '2024-05-01T10:00:00Z',
        installs: [
          { packageName: PACKAGE_NAME, version: '1.1.0', status: 'succeeded' },
        ],
      },
      { cluster: 'qa', installs: [] },
    ]);
  });
});
