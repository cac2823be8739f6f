import type {
  ClusterCarvelState,
  PackageInstallState,
} from '@carvel-gitops/plugin-carvel-common';
import { packageInstallLocations } from './packageInstallLocations';

const install = (
  name: string,
  version: string | undefined,
  status: PackageInstallState['status'] = 'succeeded',
): PackageInstallState => ({
  namespace: 'apps',
  name,
  packageName: 'app.default.tap',
  constraints: '>=1.0.0',
  version,
  status,
  description: 'Reconcile succeeded',
  updatedAt: '2026-11-30T10:00:00Z',
});

const state = (
  name: string,
  packageInstalls: PackageInstallState[],
  extra: Partial<ClusterCarvelState> = {},
): ClusterCarvelState => ({
  name,
  state: 'ok',
  packages: [],
  packageInstalls,
  apps: [],
  ...extra,
});

describe('packageInstallLocations', () => {
  const states = [
    state('staging', [
      {
        ...install('app', '1.1.0', 'reconciling'),
        lastAttemptedVersion: '1.2.0',
      },
    ]),
    state('prod', [install('app', '1.0.0'), install('other', undefined)]),
  ];

  it('lists every PackageInstall with its cluster, running version and status', () => {
    expect(packageInstallLocations(states)).toEqual({
      items: [
        {
          cluster: 'staging',
          namespace: 'apps',
          name: 'app',
          packageName: 'app.default.tap',
          constraints: '>=1.0.0',
          version: '1.1.0',
          lastAttemptedVersion: '1.2.0',
          status: 'reconciling',
          updatedAt: '2026-11-30T10:00:00Z',
        },
        expect.objectContaining({ cluster: 'prod', version: '1.0.0' }),
        expect.objectContaining({ cluster: 'prod', name: 'other' }),
      ],
      clusterErrors: [],
    });
  });

  it('keeps only installs running exactly the asked version', () => {
    expect(packageInstallLocations(states, '1.0.0').items).toEqual([
      expect.objectContaining({ cluster: 'prod', name: 'app' }),
    ]);
    expect(packageInstallLocations(states, 'v1.0.0').items).toEqual([]);
  });

  it('lists clusters in error, marking what a stale one still shows', () => {
    const error = {
      type: 'unreachable' as const,
      message: 'connection refused',
    };
    const response = packageInstallLocations([
      state('prod', [install('app', '1.0.0')], {
        state: 'error',
        error,
        stale: { lastSyncedAt: '2026-11-30T09:00:00Z' },
      }),
      state('eu', [], { state: 'error', error }),
      state('us', [install('app', '1.0.0')], { truncated: 3 }),
    ]);
    expect(response.clusterErrors).toEqual([
      {
        cluster: 'prod',
        error,
        stale: { lastSyncedAt: '2026-11-30T09:00:00Z' },
      },
      { cluster: 'eu', error },
    ]);
    expect(response.items).toEqual([
      expect.objectContaining({ cluster: 'prod', stale: true }),
      expect.objectContaining({ cluster: 'us' }),
    ]);
    expect(response.items[1]).not.toHaveProperty('stale');
    expect(response.truncated).toEqual([{ cluster: 'us', omitted: 3 }]);
  });
});
