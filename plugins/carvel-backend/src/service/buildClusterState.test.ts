import {
  fakeCluster,
  gitopsApp,
  packageInstall,
  pkg,
} from '../__testUtils__/fakes';
import { buildClusterState } from './buildClusterState';

const selection = { packageNames: ['app.default.tap'] };
const settled = { settled: true, timeoutMs: 3000 };

describe('buildClusterState', () => {
  it('reports versions, PackageInstalls with the newest version, and GitOps Apps', () => {
    const cluster = fakeCluster('staging', {
      installs: [
        packageInstall('app', { constraints: '1.0.0', version: '1.0.0' }),
        packageInstall('other', { refName: 'other.default.tap' }),
      ],
      packages: [
        pkg('app.default.tap', '1.1.0'),
        pkg('app.default.tap', '1.0.0'),
        pkg('app.default.tap', '1.0.0', 'global'),
      ],
      apps: [gitopsApp('app-default-tap-staging', 'app.default.tap')],
    });
    const state = buildClusterState(cluster, selection, settled);
    expect(state).toEqual({
      name: 'staging',
      state: 'ok',
      packages: [
        { packageName: 'app.default.tap', versions: ['1.0.0', '1.1.0'] },
      ],
      packageInstalls: [
        expect.objectContaining({
          namespace: 'apps',
          name: 'app',
          packageName: 'app.default.tap',
          constraints: '1.0.0',
          version: '1.0.0',
          status: 'succeeded',
          latestVersion: '1.1.0',
        }),
      ],
      apps: [
        expect.objectContaining({
          namespace: 'gitops-delivery',
          name: 'app-default-tap-staging',
          status: 'succeeded',
        }),
      ],
    });
  });

  it('passes the failure message through', () => {
    const cluster = fakeCluster('prod', {
      installs: [
        packageInstall('app', {
          condition: 'ReconcileFailed',
          message: 'ytt: Error: replicas must be integer',
        }),
      ],
    });
    const [install] = buildClusterState(
      cluster,
      selection,
      settled,
    ).packageInstalls;
    expect(install).toMatchObject({
      status: 'failed',
      message: 'ytt: Error: replicas must be integer',
    });
  });

  it('filters by namespace', () => {
    const cluster = fakeCluster('prod', {
      installs: [
        packageInstall('a', { namespace: 'apps' }),
        packageInstall('b', { namespace: 'other' }),
      ],
    });
    expect(
      buildClusterState(
        cluster,
        { ...selection, namespace: 'other' },
        settled,
      ).packageInstalls.map(i => i.name),
    ).toEqual(['b']);
  });

  it('reports a cluster in error with its error and whatever it still knows', () => {
    const cluster = fakeCluster(
      'prod',
      {},
      {
        state: 'error',
        error: { type: 'forbidden', message: 'nope', since: 'x' },
      },
    );
    expect(buildClusterState(cluster, selection, settled)).toEqual({
      name: 'prod',
      state: 'error',
      error: { type: 'forbidden', message: 'nope', since: 'x' },
      packages: [],
      packageInstalls: [],
      apps: [],
    });
  });

  it('reports a cluster that has not answered within the deadline as timeout', () => {
    const cluster = fakeCluster('slow', {}, { state: 'syncing' });
    expect(
      buildClusterState(cluster, selection, { settled: false, timeoutMs: 3000 })
        .error,
    ).toEqual({
      type: 'timeout',
      message: 'no answer from the cluster within 3 s',
    });
  });
});
