import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { APP_ENTITY } from './__testUtils__/backendFixtures';
import {
  addPackageInstall,
  clusterConfigFor,
  packageInstallStatus,
  SimulatedCluster,
  startSimulatedCluster,
} from './__testUtils__/simulatedClusters';
import { carvelPlugin } from './plugin';

let cluster: SimulatedCluster;
let backend: Awaited<ReturnType<typeof startTestBackend>>;

afterEach(async () => {
  await backend?.stop();
  await cluster?.close();
});

async function history(path = '/api/carvel/history/default/component/app') {
  return request(backend.server)
    .get(path)
    .set('Authorization', mockCredentials.user.header());
}

/** Polls the history until `check` passes or the time is over. */
async function eventually(check: (body: any) => void, timeoutMs = 3000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await history();
    try {
      expect(response.status).toBe(200);
      check(response.body);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise(r => setTimeout(r, 25));
    }
  }
}

describe('carvel plugin deployment history', () => {
  it('records what a watched cluster reconciles and serves it newest first', async () => {
    cluster = await startSimulatedCluster('prod');
    const install = addPackageInstall(cluster, {
      name: 'app',
      condition: 'Reconciling',
    });
    backend = await startTestBackend({
      features: [
        carvelPlugin,
        catalogServiceMock.factory({ entities: [APP_ENTITY] }),
        mockServices.rootConfig.factory({
          data: {
            carvel: {
              clusters: [clusterConfigFor(cluster)],
              requestTimeoutMs: 1000,
            },
          },
        }),
      ],
    });

    const settle = (version: string) =>
      cluster.store.updateStatus({
        ...cluster.store.get({
          apiVersion: install.apiVersion,
          kind: install.kind,
          namespace: 'apps',
          name: 'app',
        })!,
        status: packageInstallStatus({ name: 'app', version }),
      });
    settle('1.0.0');
    await eventually(body =>
      expect(body.items).toEqual([
        expect.objectContaining({
          cluster: 'prod',
          namespace: 'apps',
          name: 'app',
          packageName: 'app.default.tap',
          toVersion: '1.0.0',
          status: 'succeeded',
        }),
      ]),
    );
    settle('1.1.0');
    await eventually(body =>
      expect(
        body.items.map((i: any) => [i.fromVersion, i.toVersion, i.status]),
      ).toEqual([
        ['1.0.0', '1.1.0', 'succeeded'],
        [undefined, '1.0.0', 'succeeded'],
      ]),
    );

    const limited = await history(
      '/api/carvel/history/default/component/app?limit=1',
    );
    expect(limited.body.items).toHaveLength(1);
    expect(
      (await history('/api/carvel/history/default/component/app?limit=0'))
        .status,
    ).toBe(400);
  });
});
