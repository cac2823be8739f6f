import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { APP_ENTITY } from '../__testUtils__/backendFixtures';
import {
  clusterConfigFor,
  SimulatedCluster,
  startClusterWithApp,
} from '../__testUtils__/simulatedClusters';
import { carvelPlugin } from '../plugin';

const ACTIONS = '/api/carvel/.backstage/actions/v1/actions';
const INTRUDER = 'user:default/intruder';

let cluster: SimulatedCluster;
let backend: Awaited<ReturnType<typeof startTestBackend>>;

beforeAll(async () => {
  cluster = await startClusterWithApp('prod', '1.1.0');
  // Every Carvel permission is denied to one user: the actions must answer them as the router does.
  const permissions = mockServices.permissions.mock({
    authorize: async (requests, { credentials }) =>
      requests.map(() => ({
        result:
          (credentials.principal as { userEntityRef?: string })
            .userEntityRef === INTRUDER
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      })),
  });
  backend = await startTestBackend({
    features: [
      carvelPlugin,
      permissions.factory,
      catalogServiceMock.factory({ entities: [APP_ENTITY] }),
      mockServices.rootConfig.factory({
        data: {
          backend: { actions: { pluginSources: ['carvel'] } },
          carvel: {
            clusters: [
              clusterConfigFor(cluster),
              // Nothing listens there: a cluster in error in every answer.
              clusterConfigFor(cluster, {
                name: 'eu',
                url: 'https://127.0.0.1:1',
              }),
            ],
            initialSyncTimeoutMs: 5000,
          },
        },
      }),
    ],
  });
});

afterAll(async () => {
  await backend?.stop();
  await cluster?.close();
});

const invoke = (id: string, input: object, user = mockCredentials.user()) =>
  request(backend.server)
    .post(`${ACTIONS}/${id}/invoke`)
    .set(
      'Authorization',
      mockCredentials.user.header(user.principal.userEntityRef),
    )
    .send(input);

describe('carvel actions registry', () => {
  it('lists the three read-only actions with their input schemas', async () => {
    const response = await request(backend.server)
      .get(ACTIONS)
      .set('Authorization', mockCredentials.user.header());
    expect(response.status).toBe(200);
    const actions = response.body.actions;
    expect(actions.map((a: any) => a.id).sort()).toEqual([
      'carvel:get-status',
      'carvel:list-clusters',
      'carvel:where-is-version',
    ]);
    for (const action of actions) {
      expect(action.attributes).toEqual({
        destructive: false,
        readOnly: true,
        idempotent: true,
      });
      expect(action.description.length).toBeGreaterThan(200);
    }
    const whereIs = actions.find(
      (a: any) => a.id === 'carvel:where-is-version',
    );
    expect(whereIs.schema.input).toMatchObject({
      type: 'object',
      properties: {
        packageName: { type: 'string' },
        version: { type: 'string' },
      },
      required: ['packageName'],
    });
  });

  it('carvel:get-status answers what GET /status answers for the caller', async () => {
    const response = await invoke('carvel:get-status', {
      entityRef: 'component:default/app',
    });
    expect(response.status).toBe(200);
    const status = await request(backend.server)
      .get('/api/carvel/status/default/component/app')
      .set('Authorization', mockCredentials.user.header());
    expect(response.body.output).toEqual(status.body);
    expect(response.body.output.clusters[1]).toMatchObject({
      name: 'eu',
      state: 'error',
      error: { type: 'unreachable' },
    });
    expect(response.body.output.clusters[0]).toMatchObject({
      name: 'prod',
      state: 'ok',
      packageInstalls: [
        expect.objectContaining({
          name: 'app',
          version: '1.1.0',
          status: 'succeeded',
        }),
      ],
    });
  });

  it('carvel:get-status takes a short ref and refuses one that is not a ref', async () => {
    const short = await invoke('carvel:get-status', { entityRef: 'app' });
    expect(short.status).toBe(200);
    expect(short.body.output.entityRef).toBe('component:default/app');
    const bad = await invoke('carvel:get-status', {
      entityRef: 'component:default/',
    });
    expect(bad.status).toBe(400);
    const missing = await invoke('carvel:get-status', {
      entityRef: 'component:default/nope',
    });
    expect(missing.status).toBe(404);
  });

  it('carvel:where-is-version lists the clusters running a version', async () => {
    const running = await invoke('carvel:where-is-version', {
      packageName: 'app.default.tap',
      version: '1.1.0',
    });
    expect(running.status).toBe(200);
    expect(running.body.output).toEqual({
      packageName: 'app.default.tap',
      version: '1.1.0',
      items: [
        expect.objectContaining({
          cluster: 'prod',
          namespace: 'apps',
          name: 'app',
          version: '1.1.0',
          status: 'succeeded',
        }),
      ],
      clusterErrors: [
        {
          cluster: 'eu',
          error: expect.objectContaining({ type: 'unreachable' }),
        },
      ],
    });
    const notRunning = await invoke('carvel:where-is-version', {
      packageName: 'app.default.tap',
      version: '1.0.0',
    });
    expect(notRunning.body.output.items).toEqual([]);
    const unknown = await invoke('carvel:where-is-version', {
      packageName: 'nope.tap',
    });
    expect(unknown.status).toBe(404);
    const invalid = await invoke('carvel:where-is-version', { version: '1' });
    expect(invalid.status).toBe(400);
  });

  it('carvel:list-clusters lists the watched clusters and their state', async () => {
    const response = await invoke('carvel:list-clusters', {});
    expect(response.status).toBe(200);
    expect(response.body.output.items).toEqual([
      expect.objectContaining({ name: 'prod', state: 'synced' }),
      expect.objectContaining({
        name: 'eu',
        state: 'error',
        clusterError: expect.objectContaining({ type: 'unreachable' }),
      }),
    ]);
    const clusters = await request(backend.server)
      .get('/api/carvel/clusters')
      .set('Authorization', mockCredentials.user.header());
    expect(response.body.output).toEqual(clusters.body);
  });

  it.each([
    ['carvel:get-status', { entityRef: 'component:default/app' }],
    ['carvel:where-is-version', { packageName: 'app.default.tap' }],
    ['carvel:list-clusters', {}],
  ])(
    '%s refuses a caller without the permission, with no data',
    async (id, input) => {
      const response = await invoke(id, input, mockCredentials.user(INTRUDER));
      expect(response.status).toBe(403);
      expect(response.body.error.name).toBe('NotAllowedError');
      expect(response.body.output).toBeUndefined();
      expect(JSON.stringify(response.body)).not.toContain('1.1.0');
    },
  );

  it('refuses an anonymous caller', async () => {
    const response = await request(backend.server)
      .post(`${ACTIONS}/carvel:list-clusters/invoke`)
      .set('Authorization', mockCredentials.none.header())
      .send({});
    expect(response.status).toBe(401);
  });
});
