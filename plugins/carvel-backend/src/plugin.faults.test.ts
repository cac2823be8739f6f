import type { JsonObject } from '@backstage/types';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import {
  addPackageInstall,
  clusterConfigFor,
  packageInstallStatus,
  SimulatedCluster,
  startClusterWithApp,
  startSimulatedCluster,
} from './__testUtils__/simulatedClusters';
import { APP_ENTITY } from './__testUtils__/backendFixtures';
import { carvelPlugin } from './plugin';

const started: SimulatedCluster[] = [];
const backends: Array<{ stop(): Promise<void> }> = [];

afterEach(async () => {
  await Promise.all(backends.splice(0).map(b => b.stop()));
  await Promise.all(
    started.splice(0).map(c => c.faults.clear().then(() => c.close())),
  );
});

async function cluster(name: string, version = '1.0.0') {
  const c = await startClusterWithApp(name, version);
  started.push(c);
  return c;
}

async function startBackend(
  clusterConfigs: JsonObject[],
  extraConfig: JsonObject = {},
) {
  const config = mockServices.rootConfig.factory({
    data: {
      carvel: {
        clusters: clusterConfigs,
        requestTimeoutMs: 1000,
        initialSyncTimeoutMs: 1500,
        ...extraConfig,
      },
    },
  });
  const backend = await startTestBackend({
    features: [
      carvelPlugin,
      catalogServiceMock.factory({ entities: [APP_ENTITY] }),
      config,
    ],
  });
  backends.push(backend);
  return backend;
}

async function status(server: any) {
  const response = await request(server)
    .get('/api/carvel/status/default/component/app')
    .set('Authorization', mockCredentials.user.header());
  expect(response.status).toBe(200);
  return response.body;
}

/** Polls the status API until `check` passes or `timeoutMs` is over. */
async function eventually(
  server: any,
  check: (body: any) => void,
  timeoutMs = 1000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const body = await status(server);
    try {
      check(body);
      return body;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise(r => setTimeout(r, 25));
    }
  }
}

async function waitUntil(condition: () => boolean, timeoutMs = 3000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise(r => setTimeout(r, 10));
  }
}

function expectHealthy(body: any, names: string[]) {
  for (const name of names) {
    const state = body.clusters.find((c: any) => c.name === name);
    expect(state).toMatchObject({ name, state: 'ok' });
    expect(state.packages).toEqual([
      { packageName: 'app.default.tap', versions: ['1.0.0', '1.1.0'] },
    ]);
    expect(state.packageInstalls).toEqual([
      expect.objectContaining({
        name: 'app',
        namespace: 'apps',
        version: '1.0.0',
        status: 'succeeded',
        latestVersion: '1.1.0',
      }),
    ]);
  }
}

describe('carvel backend against three simulated clusters, one misbehaving', () => {
  it('reports every cluster when all are healthy', async () => {
    const clusters = [
      await cluster('a'),
      await cluster('b'),
      await cluster('c'),
    ];
    const { server } = await startBackend(
      clusters.map(c => clusterConfigFor(c)),
    );
    const body = await eventually(server, b =>
      expectHealthy(b, ['a', 'b', 'c']),
    );
    expect(body.entityRef).toBe('component:default/app');
  });

  type Misbehave = (
    bad: SimulatedCluster,
    healthy: SimulatedCluster,
  ) => Promise<Record<string, string> | void>;
  const faults: Array<[string, Misbehave, string]> = [
    ['down', async c => c.faults.refuseConnections(), 'unreachable'],
    [
      'a DNS failure',
      async () => ({ url: 'https://cluster.does-not-exist.invalid:6443' }),
      'unreachable',
    ],
    // Each bad cluster has a CA of its own: the healthy cluster's CA did not sign its certificate.
    [
      'a CA that did not sign its certificate',
      async (_bad, healthy) => ({
        caData: Buffer.from(healthy.caData).toString('base64'),
      }),
      'unreachable',
    ],
    ['401', async c => c.faults.setUnauthorized(true), 'unauthorized'],
    [
      '403 on packageinstalls only',
      async c => c.faults.forbid('packageinstalls'),
      'forbidden',
    ],
    [
      'no kapp-controller CRDs',
      async c =>
        [
          'packaging.carvel.dev',
          'data.packaging.carvel.dev',
          'kappctrl.k14s.io',
        ].forEach(g => c.faults.removeGroup(g)),
      'crd-missing',
    ],
    [
      'the aggregated API down (503)',
      async c => c.faults.setAggregatedApiUnavailable(true),
      'crd-missing',
    ],
    ['10 s latency', async c => c.faults.setLatency(10_000), 'timeout'],
  ];

  it.each(faults)(
    'keeps the others when one cluster has %s',
    async (_name, misbehave, type) => {
      const healthy = [await cluster('a'), await cluster('b')];
      const bad = await startClusterWithApp('bad', '1.0.0', {
        ownCertificateAuthority: true,
      });
      started.push(bad);
      const overrides = (await misbehave(bad, healthy[0])) ?? {};
      const { server } = await startBackend([
        ...healthy.map(c => clusterConfigFor(c)),
        clusterConfigFor(bad, overrides),
      ]);
      const body = await eventually(
        server,
        b => {
          expectHealthy(b, ['a', 'b']);
          expect(b.clusters.find((c: any) => c.name === 'bad')).toMatchObject({
            state: 'error',
            error: { type },
          });
        },
        5000,
      );
      expect(
        body.clusters.find((c: any) => c.name === 'bad').error.message,
      ).toEqual(expect.any(String));
      const clusters = await request(server)
        .get('/api/carvel/clusters')
        .set('Authorization', mockCredentials.user.header());
      expect(
        clusters.body.items.find((c: any) => c.name === 'bad'),
      ).toMatchObject({ state: 'error' });
    },
  );

  it('shows the Packages of a cluster that forbids only PackageInstalls', async () => {
    const bad = await cluster('bad');
    bad.faults.forbid('packageinstalls');
    const { server } = await startBackend([clusterConfigFor(bad)]);
    const body = await eventually(
      server,
      b => expect(b.clusters[0].error?.type).toBe('forbidden'),
      3000,
    );
    expect(body.clusters[0].packages).toEqual([
      { packageName: 'app.default.tap', versions: ['1.0.0', '1.1.0'] },
    ]);
    expect(body.clusters[0].error.message).toContain('packageinstalls');
  });

  it('recovers from a dropped watch and sees later changes', async () => {
    const [a, b] = [await cluster('a'), await cluster('b')];
    const { server } = await startBackend([
      clusterConfigFor(a),
      clusterConfigFor(b),
    ]);
    await eventually(server, body => expectHealthy(body, ['a', 'b']), 3000);
    await waitUntil(() => a.requests.count({ verb: 'watch' }) >= 3);
    expect(a.faults.dropWatchConnections()).toBe(3);
    addPackageInstall(a, { name: 'app-2', version: '1.1.0' });
    await eventually(
      server,
      body => {
        expect(
          body.clusters[0].packageInstalls.map((i: any) => i.name),
        ).toEqual(['app', 'app-2']);
        expectHealthy({ clusters: [body.clusters[1]] }, ['b']);
      },
      5000,
    );
  });

  it('relists after 410 Gone', async () => {
    const [a, b] = [await cluster('a'), await cluster('b')];
    const { server } = await startBackend([
      clusterConfigFor(a),
      clusterConfigFor(b),
    ]);
    await eventually(server, body => expectHealthy(body, ['a', 'b']), 3000);
    await waitUntil(() => a.requests.count({ verb: 'watch' }) >= 3);
    const lists = () =>
      a.requests.count({
        verb: 'list',
        resource: 'packageinstalls.packaging.carvel.dev',
      });
    const listsBefore = lists();
    addPackageInstall(a, { name: 'app-2' });
    a.faults.expireResourceVersions();
    a.faults.dropWatchConnections();
    addPackageInstall(a, { name: 'app-3' });
    await eventually(
      server,
      body => {
        expect(
          body.clusters[0].packageInstalls.map((i: any) => i.name),
        ).toEqual(['app', 'app-2', 'app-3']);
      },
      5000,
    );
    expect(lists()).toBe(listsBefore + 1);
  });

  it('pages through 5,000 PackageInstalls', async () => {
    const big = await startSimulatedCluster('big');
    started.push(big);
    for (let i = 0; i < 5000; i++) {
      addPackageInstall(big, {
        name: `app-${String(i).padStart(4, '0')}`,
        refName: i % 2 ? 'app.default.tap' : 'other.default.tap',
      });
    }
    const other = await cluster('other');
    const { server } = await startBackend(
      [clusterConfigFor(big), clusterConfigFor(other)],
      { initialSyncTimeoutMs: 10_000 },
    );
    const body = await eventually(
      server,
      b => {
        // All 2,500 of the package are held; the response keeps 500 and counts the rest.
        expect(b.clusters[0].packageInstalls).toHaveLength(500);
        expect(b.clusters[0].truncated).toBe(2000);
      },
      10_000,
    );
    expectHealthy({ clusters: [body.clusters[1]] }, ['other']);
    // 5,000 objects in pages of 500.
    expect(
      big.requests.count({
        verb: 'list',
        resource: 'packageinstalls.packaging.carvel.dev',
      }),
    ).toBeGreaterThanOrEqual(10);
  }, 20_000);

  it('keeps working when a cluster returns a malformed PackageInstall', async () => {
    const [a, b] = [await cluster('a'), await cluster('b')];
    a.faults.insertMalformedObject(
      'packageinstalls',
      {
        apiVersion: 'packaging.carvel.dev/v1alpha1',
        kind: 'PackageInstall',
        metadata: { name: 'broken', namespace: 'apps' },
        spec: 'not an object',
      },
      { namespace: 'apps' },
    );
    a.faults.insertMalformedObject(
      'packageinstalls',
      {
        apiVersion: 'packaging.carvel.dev/v1alpha1',
        kind: 'PackageInstall',
        metadata: {},
      },
      { namespace: 'apps' },
    );
    const { server } = await startBackend([
      clusterConfigFor(a),
      clusterConfigFor(b),
    ]);
    const body = await eventually(
      server,
      b2 => expectHealthy(b2, ['a', 'b']),
      3000,
    );
    expect(body.clusters[0].state).toBe('ok');
  });

  it('stops watching a cluster removed from the configuration', async () => {
    const [a, b] = [await cluster('a'), await cluster('b')];
    const config = mockServices.rootConfig({
      data: {
        carvel: {
          clusters: [clusterConfigFor(a), clusterConfigFor(b)],
          requestTimeoutMs: 1000,
        },
      },
    });
    const backend = await startTestBackend({
      features: [
        carvelPlugin,
        catalogServiceMock.factory({ entities: [APP_ENTITY] }),
        createServiceFactory({
          service: coreServices.rootConfig,
          deps: {},
          factory: () => config,
        }),
      ],
    });
    backends.push(backend);
    await eventually(
      backend.server,
      body => expectHealthy(body, ['a', 'b']),
      3000,
    );
    config.update({
      data: {
        carvel: { clusters: [clusterConfigFor(a)], requestTimeoutMs: 1000 },
      },
    });
    await eventually(backend.server, body =>
      expect(body.clusters.map((c: any) => c.name)).toEqual(['a']),
    );
    // The removed cluster's watches are closed: nothing lists or watches it any more.
    const requestsBefore = b.requests.total;
    b.faults.dropWatchConnections();
    await new Promise(r => setTimeout(r, 1500));
    expect(b.requests.total).toBe(requestsBefore);
  });

  it('shows create, status update and delete within 1 s', async () => {
    const [a, b] = [await cluster('a'), await cluster('b')];
    const { server } = await startBackend([
      clusterConfigFor(a),
      clusterConfigFor(b),
    ]);
    await eventually(server, body => expectHealthy(body, ['a', 'b']), 3000);

    const created = addPackageInstall(a, {
      name: 'new',
      condition: 'Reconciling',
    });
    await eventually(server, body =>
      expect(
        body.clusters[0].packageInstalls.find((i: any) => i.name === 'new'),
      ).toMatchObject({ status: 'reconciling' }),
    );
    a.store.updateStatus({
      ...created,
      status: packageInstallStatus({
        name: 'new',
        condition: 'ReconcileFailed',
        usefulErrorMessage: 'ytt: Error: boom',
        version: '1.1.0',
      }),
    });
    await eventually(server, body =>
      expect(
        body.clusters[0].packageInstalls.find((i: any) => i.name === 'new'),
      ).toMatchObject({ status: 'failed', message: 'ytt: Error: boom' }),
    );
    a.store.delete({
      apiVersion: 'packaging.carvel.dev/v1alpha1',
      kind: 'PackageInstall',
      namespace: 'apps',
      name: 'new',
    });
    await eventually(server, body =>
      expect(body.clusters[0].packageInstalls.map((i: any) => i.name)).toEqual([
        'app',
      ]),
    );
  });
});
