import { mockServices } from '@backstage/backend-test-utils';
import { PassThrough } from 'node:stream';
import { ClusterWatcher } from './ClusterWatcher';
import { KubeHttpError } from './kubeRequest';
import type { ResourceClient } from './ResourceClient';
import { defaultWatchSettings } from './WatchSettings';

const objects: Record<string, unknown[]> = {
  packageinstalls: [
    {
      metadata: { name: 'app', namespace: 'apps', resourceVersion: '1' },
      spec: { packageRef: { refName: 'app.default.tap' } },
    },
  ],
  packages: [
    {
      metadata: { name: 'app.default.tap.1.0.0', namespace: 'apps' },
      spec: { refName: 'app.default.tap', version: '1.0.0' },
    },
  ],
  apps: [],
};

/** Every resource lists fine; watching `refuseWatchOf` answers 403. */
function clientsRefusingWatchOf(refuseWatchOf?: string) {
  const sockets: AbortSignal[] = [];
  const clientFor = (resource: { plural: string }): ResourceClient => ({
    listPage: async () => ({
      items: objects[resource.plural],
      resourceVersion: '1',
      droppedDeep: 0,
    }),
    openWatch: async (_rv, signal) => {
      if (resource.plural === refuseWatchOf) {
        throw new KubeHttpError(403, { message: 'forbidden' });
      }
      sockets.push(signal);
      return new PassThrough();
    },
  });
  return { clientFor, sockets };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('ClusterWatcher', () => {
  it('indexes every resource by package and reports synced', async () => {
    const changed = jest.fn();
    const { clientFor, sockets } = clientsRefusingWatchOf();
    const watcher = new ClusterWatcher(
      { name: 'staging', url: 'https://staging:6443' },
      {
        logger: mockServices.logger.mock(),
        settings: defaultWatchSettings,
        clientFor,
        onChange: changed,
      },
    );
    watcher.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(watcher.state).toBe('synced');
    expect(watcher.stale).toBe(false);
    expect(watcher.packageInstalls.get('app.default.tap')).toHaveLength(1);
    expect(watcher.packages.get('app.default.tap')).toHaveLength(1);
    expect(watcher.requestCount).toBe(6);
    expect(changed).toHaveBeenCalledWith(
      'staging',
      new Set(['app.default.tap']),
      false,
    );
    watcher.stop();
    expect(sockets.every(s => s.aborted)).toBe(true);
  });

  it('reports a refused watch as the cluster error and keeps the listed objects', async () => {
    const { clientFor } = clientsRefusingWatchOf('packageinstalls');
    const watcher = new ClusterWatcher(
      { name: 'staging', url: 'https://staging:6443' },
      {
        logger: mockServices.logger.mock(),
        settings: defaultWatchSettings,
        clientFor,
        onChange: () => {},
      },
    );
    watcher.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(watcher.state).toBe('error');
    expect(watcher.error).toMatchObject({
      type: 'forbidden',
      message: 'cannot watch packageinstalls: forbidden (forbidden)',
      resource: 'packageinstalls',
    });
    expect(watcher.stale).toBe(true);
    expect(watcher.packageInstalls.get('app.default.tap')).toHaveLength(1);
    watcher.stop();
  });
});
