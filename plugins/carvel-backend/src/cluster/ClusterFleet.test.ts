import { mockServices } from '@backstage/backend-test-utils';
import type { ClusterConfig } from '../config/readClusterConfigs';
import { ClusterFleet, ClusterWatcherFactory } from './ClusterFleet';
import type { ClusterWatcherOptions, WatchedCluster } from './ClusterWatcher';
import { PackageIndex } from './PackageIndex';
import { defaultWatchSettings } from './WatchSettings';

function fakeWatchers() {
  const made: Array<{
    config: ClusterConfig;
    options: ClusterWatcherOptions;
    running: boolean;
  }> = [];
  const createWatcher: ClusterWatcherFactory = (config, options) => {
    const record = { config, options, running: false };
    made.push(record);
    const watcher: WatchedCluster = {
      config,
      name: config.name,
      state: 'synced',
      stale: false,
      requestCount: 2,
      packageInstalls: new PackageIndex(() => undefined),
      packages: new PackageIndex(() => undefined),
      apps: new PackageIndex(() => undefined),
      start: () => {
        record.running = true;
      },
      stop: () => {
        record.running = false;
      },
      whenSettled: async () => true,
    };
    return watcher;
  };
  return { made, createWatcher };
}

const settings = { ...defaultWatchSettings, requestTimeoutMs: 1000 };

describe('ClusterFleet', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('starts, restarts and stops watchers as the configuration changes', () => {
    const { made, createWatcher } = fakeWatchers();
    const fleet = new ClusterFleet({
      logger: mockServices.logger.mock(),
      settings,
      createWatcher,
    });
    fleet.update([
      { name: 'a', url: 'https://a:6443' },
      { name: 'b', url: 'https://b:6443' },
    ]);
    const [a, b] = fleet.clusters();
    expect(fleet.clusters().map(c => c.name)).toEqual(['a', 'b']);
    expect(made.map(m => m.running)).toEqual([true, true]);
    expect(made[0].options.settings).toBe(settings);
    fleet.update([
      { name: 'a', url: 'https://a:6443' },
      { name: 'b', url: 'https://b2:6443' },
      { name: 'c', url: 'https://c:6443' },
    ]);
    expect(fleet.clusters().map(c => c.name)).toEqual(['a', 'b', 'c']);
    expect(fleet.clusters()[0]).toBe(a);
    expect(fleet.clusters()[1]).not.toBe(b);
    expect(made.map(m => m.running)).toEqual([true, false, true, true]);
    expect(fleet.requestCount).toBe(6);
    fleet.update([]);
    expect(fleet.clusters()).toEqual([]);
    expect(made.every(m => !m.running)).toBe(true);
    fleet.stop();
  });

  it('batches change notifications and tells interested packages when a cluster changes state', () => {
    const { made, createWatcher } = fakeWatchers();
    const fleet = new ClusterFleet({
      logger: mockServices.logger.mock(),
      settings,
      createWatcher,
      notifyDelayMs: 100,
    });
    const heard: Array<[string[], string[]]> = [];
    fleet.onPackageChange((packages, clusters) =>
      heard.push([[...packages].sort(), [...clusters].sort()]),
    );
    fleet.update([
      { name: 'a', url: 'https://a:6443' },
      { name: 'b', url: 'https://b:6443' },
    ]);
    fleet.markInteresting(['shown.tap']);
    made[0].options.onChange('a', new Set(['x.tap']), false);
    made[1].options.onChange('b', new Set(['y.tap']), true);
    expect(heard).toEqual([]);
    jest.advanceTimersByTime(100);
    expect(heard).toEqual([
      [
        ['shown.tap', 'x.tap', 'y.tap'],
        ['a', 'b'],
      ],
    ]);
    fleet.stop();
  });

  it('reports a misconfigured cluster as an error without throwing', () => {
    const fleet = new ClusterFleet({
      logger: mockServices.logger.mock(),
      settings,
    });
    fleet.update([{ name: 'broken', kubeconfig: '/nonexistent/kubeconfig' }]);
    const [broken] = fleet.clusters();
    expect(broken.state).toBe('error');
    expect(broken.error).toMatchObject({
      type: 'unknown',
      message: expect.stringContaining('/nonexistent/kubeconfig'),
    });
    fleet.stop();
  });
});
