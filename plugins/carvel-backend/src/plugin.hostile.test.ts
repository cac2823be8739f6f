import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import {
  clusterConfigFor,
  HostileCluster,
  hostileClusters,
  SimulatedCluster,
  startClusterWithApp,
  TEST_HOSTILE_SIZES,
} from './__testUtils__/simulatedClusters';
import {
  APP_ENTITY,
  recordingLoggerFactory,
} from './__testUtils__/backendFixtures';
import { carvelPlugin } from './plugin';

const MiB = 1024 * 1024;
/** How long each hostile cluster is watched after it was first reported. */
const WINDOW_MS = 3000;
const BACKOFF = { initialMs: 200, maxMs: 1000, healthyAfterMs: 5000 };
const LIST_PAGES = 20;
/** Retries a backoff of at most BACKOFF.maxMs allows in the window, with room for jitter; a tight loop makes hundreds. */
const MAX_ATTEMPTS = 20;
const MAX_RSS_GROWTH_BYTES = 200 * MiB;

interface Expectation {
  /** The cluster's reported error; absent when the cluster stays ok. */
  error?: { type: string; message: RegExp };
  /** Requests for the hostile resource one attempt (list + watch) may take. */
  requestsPerAttempt: number;
  /** PackageInstall names the hostile cluster still shows. */
  installs: string[];
  /** Something the backend logged about it. */
  logged: RegExp;
  /** Overrides of the test's `carvel.limits`. */
  limits?: Record<string, number>;
}

const expectations: Record<string, Expectation> = {
  'an endless watch line': {
    error: { type: 'unknown', message: /line/i },
    requestsPerAttempt: 2,
    installs: ['app'],
    logged: /line/i,
  },
  'a watch that never answers': {
    error: { type: 'timeout', message: /watch|header|answer/i },
    requestsPerAttempt: 2,
    installs: ['app'],
    logged: /watch|header|answer/i,
  },
  'endless list pages': {
    error: { type: 'unknown', message: /page/i },
    requestsPerAttempt: LIST_PAGES + 1,
    installs: [],
    logged: /page/i,
  },
  'slow endless list pages': {
    error: { type: 'timeout', message: /list .*within/i },
    // 200 ms a page: the whole-list deadline ends each attempt long before the page limit.
    limits: { listPages: 1000, listDeadlineMs: 1500 },
    requestsPerAttempt: 10,
    installs: [],
    logged: /list .*within/i,
  },
  'a repeated continue token': {
    error: { type: 'unknown', message: /continue/i },
    requestsPerAttempt: 3,
    installs: [],
    logged: /continue/i,
  },
  'a huge list page': {
    error: { type: 'unknown', message: /MiB|bytes|objects/i },
    requestsPerAttempt: 2,
    installs: [],
    logged: /MiB|bytes|objects/i,
  },
  'list allowed, watch refused': {
    error: { type: 'forbidden', message: /cannot watch/ },
    requestsPerAttempt: 2,
    installs: ['app'],
    logged: /cannot watch/,
  },
  'malformed objects': {
    requestsPerAttempt: 2,
    installs: ['app'],
    logged: /deep/,
  },
};

/** Samples this process's RSS until stopped; returns the peak growth over the first sample. */
function sampleRss() {
  const baseline = process.memoryUsage.rss();
  let peak = baseline;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 50);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage.rss()) - baseline;
  };
}

async function status(server: any) {
  const started = Date.now();
  const response = await request(server)
    .get('/api/carvel/status/default/component/app')
    .set('Authorization', mockCredentials.user.header())
    .timeout(5000);
  expect(response.status).toBe(200);
  expect(Date.now() - started).toBeLessThan(5000);
  return response.body;
}

const clusterIn = (body: any, name: string) =>
  body.clusters.find((c: any) => c.name === name);

async function eventually(
  server: any,
  check: (body: any) => void,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const body = await status(server);
    try {
      check(body);
      return body;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise(r => setTimeout(r, 50));
    }
  }
}

async function waitUntil(
  condition: () => boolean,
  timeoutMs: number,
  describe: () => string,
) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not in time: ${describe()}`);
    await new Promise(r => setTimeout(r, 10));
  }
}

function expectHealthy(body: any) {
  const healthy = clusterIn(body, 'healthy');
  expect(healthy).toMatchObject({ state: 'ok' });
  expect(healthy.packageInstalls).toEqual([
    expect.objectContaining({ name: 'app', status: 'succeeded' }),
  ]);
}

function expectReported(body: any, expected: Expectation) {
  const hostile = clusterIn(body, 'hostile');
  expect(hostile).toMatchObject(
    expected.error
      ? { state: 'error', error: { type: expected.error.type } }
      : { state: 'ok' },
  );
  expect(hostile.error?.message ?? '').toMatch(expected.error?.message ?? /^$/);
  expect((hostile.packageInstalls ?? []).map((i: any) => i.name)).toEqual(
    expected.installs,
  );
  // What a cluster in error still shows is what it listed before: marked as possibly out of date.
  const keepsListedData =
    Boolean(expected.error) && expected.installs.length > 0;
  expect(hostile.stale !== undefined).toBe(keepsListedData);
}

const started: SimulatedCluster[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map(c => c.close()));
});

describe('carvel backend next to one hostile cluster', () => {
  it.each(hostileClusters.map(h => [h.name, h] as [string, HostileCluster]))(
    'survives %s',
    async (name, hostileCluster) => {
      const expected = expectations[name];
      const healthy = await startClusterWithApp('healthy');
      const hostile = await startClusterWithApp('hostile');
      started.push(healthy, hostile);
      hostileCluster.makeHostile(hostile, TEST_HOSTILE_SIZES);
      const logged: string[] = [];
      const rssGrowth = sampleRss();
      const backend = await startTestBackend({
        features: [
          carvelPlugin,
          catalogServiceMock.factory({ entities: [APP_ENTITY] }),
          recordingLoggerFactory(logged),
          mockServices.rootConfig.factory({
            data: {
              carvel: {
                clusters: [
                  clusterConfigFor(healthy),
                  clusterConfigFor(hostile),
                ],
                requestTimeoutMs: 1000,
                initialSyncTimeoutMs: 1500,
                limits: {
                  watchLineBytes: MiB,
                  listPageBytes: MiB,
                  listPages: LIST_PAGES,
                  listObjects: 1000,
                  listDeadlineMs: 5000,
                  ...expected.limits,
                },
                backoff: BACKOFF,
              },
            },
          }),
        ],
      });
      try {
        const first = await eventually(
          backend.server,
          body => {
            expectHealthy(body);
            expectReported(body, expected);
          },
          8000,
        );
        const requestsBefore = hostile.requests.count({
          resource: hostileCluster.resource,
        });
        const windowEnd = Date.now() + WINDOW_MS;
        let last = first;
        while (Date.now() < windowEnd) {
          await new Promise(r => setTimeout(r, 250));
          last = await status(backend.server);
        }
        expect(clusterIn(last, 'healthy')).toEqual(clusterIn(first, 'healthy'));
        expectReported(last, expected);
        const requests =
          hostile.requests.count({ resource: hostileCluster.resource }) -
          requestsBefore;
        expect(requests).toBeLessThanOrEqual(
          MAX_ATTEMPTS * expected.requestsPerAttempt,
        );
        expect(logged.filter(m => expected.logged.test(m))).not.toEqual([]);
      } finally {
        await backend.stop();
      }
      expect(rssGrowth()).toBeLessThan(MAX_RSS_GROWTH_BYTES);
      // stop() aborts every watch, the ones still waiting for headers included.
      await waitUntil(
        () => hostile.openWatchCount === 0 && healthy.openWatchCount === 0,
        2000,
        () =>
          `watches open after stop: ${hostile.openWatchCount} on the hostile cluster, ${healthy.openWatchCount} on the healthy one`,
      );
    },
    30_000,
  );
});
