import { CarvelApi } from '../src/api';
import {
  cluster,
  entityStatus,
  packageInstall,
  PACKAGE_NAME,
} from '../src/__testUtils__/carvelStatus';

const HOUR_MS = 3_600_000;
const DEPLOYED_COMMIT = '3f6c1a9d2b7e4c0a8f5d6e1b2c3d4e5f6a7b8c9d';
const MERGED_COMMIT = '9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b';

function hoursAgo(hours: number) {
  return new Date(Date.now() - hours * HOUR_MS).toISOString();
}

/** The demo data of the tests: staging in sync, prod drifted and pending, a failing cluster and one that is down. */
export function demoEntityStatus() {
  return entityStatus([
    cluster('staging', {
      packageInstalls: [
        packageInstall({
          drift: 'in-sync',
          deployedCommit: DEPLOYED_COMMIT,
          updatedAt: hoursAgo(1),
        }),
      ],
      apps: [
        {
          namespace: 'gitops-delivery',
          name: 'app-staging',
          packageName: PACKAGE_NAME,
          status: 'succeeded',
          description: 'Reconcile succeeded',
          targetCluster: 'staging',
          fetchedCommit: DEPLOYED_COMMIT,
          deployedCommit: DEPLOYED_COMMIT,
        },
      ],
    }),
    cluster('prod', {
      packageInstalls: [
        packageInstall({
          constraints: '1.0.0',
          version: '1.0.0',
          availableUpdate: '1.1.0',
          drift: 'drifted',
          driftDetail:
            'the constraint on the cluster is 1.0.0, git says >=1.0.0',
          desired: {
            constraints: '>=1.0.0',
            commit: MERGED_COMMIT,
            committedAt: hoursAgo(0.1),
            file: `${PACKAGE_NAME}/prod/packageinstall.yaml`,
          },
          deployedCommit: DEPLOYED_COMMIT,
          updatedAt: hoursAgo(5),
        }),
      ],
    }),
    cluster('qa', {
      packageInstalls: [
        packageInstall({
          version: '1.0.0',
          lastAttemptedVersion: '1.1.0',
          status: 'failed',
          description: 'Reconcile failed',
          message:
            'Error (see .status.usefulErrorMessage for details): values.replicas: expected integer, got string',
          updatedAt: hoursAgo(0.5),
        }),
      ],
    }),
    cluster('edge', {
      state: 'error',
      error: {
        type: 'unreachable',
        message: 'connect ECONNREFUSED 10.0.4.2:6443',
        since: hoursAgo(0.2),
      },
      packageInstalls: [packageInstall({ updatedAt: hoursAgo(26) })],
    }),
  ]);
}

function demoHistory() {
  return {
    items: [
      {
        cluster: 'staging',
        namespace: 'apps',
        name: 'app',
        packageName: PACKAGE_NAME,
        fromVersion: '1.0.0',
        toVersion: '1.1.0',
        status: 'succeeded' as const,
        at: hoursAgo(1),
        commit: DEPLOYED_COMMIT,
        leadTimeSeconds: 95,
      },
      {
        cluster: 'prod',
        namespace: 'apps',
        name: 'app',
        packageName: PACKAGE_NAME,
        toVersion: '1.0.0',
        status: 'succeeded' as const,
        at: hoursAgo(30),
        leadTimeSeconds: 310,
        commit: '1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c',
      },
    ],
    clusters: [
      {
        cluster: 'staging',
        medianLeadTimeSeconds: 95,
        deploymentsLast30Days: 4,
      },
      { cluster: 'prod', medianLeadTimeSeconds: 310, deploymentsLast30Days: 1 },
    ],
  };
}

/** A CarvelApi answering from the demo data, so the dev page needs no backend. */
export const demoCarvelApi: CarvelApi = {
  getEntityStatus: async () => demoEntityStatus(),
  getClusters: async () => ({
    items: [
      { name: 'staging', state: 'synced', lastSyncedAt: hoursAgo(0) },
      { name: 'prod', state: 'synced', lastSyncedAt: hoursAgo(0) },
      { name: 'qa', state: 'synced', lastSyncedAt: hoursAgo(0) },
      { name: 'edge', state: 'error', error: 'connect ECONNREFUSED' },
    ],
  }),
  getHistory: async () => demoHistory(),
  getPackages: async () => ({
    items: [
      {
        packageName: PACKAGE_NAME,
        clusters: ['edge', 'prod', 'qa', 'staging'],
        versions: ['1.1.0', '1.0.0'],
      },
    ],
  }),
  getPackageVersions: async () => ({
    items: [
      { version: '1.1.0', clusters: ['prod', 'qa', 'staging'], inGit: true },
      { version: '1.0.0', clusters: ['prod', 'qa', 'staging'], inGit: true },
    ],
  }),
  getPackageInstalls: async () => ({ items: [], clusterErrors: [] }),
};
