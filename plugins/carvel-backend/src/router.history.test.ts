import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import express from 'express';
import request from 'supertest';
import { fakeFleet } from './__testUtils__/fakes';
import type {
  DeploymentHistoryStore,
  DeploymentTransition,
  HistoryQuery,
} from './history/DeploymentHistoryStore';
import { createRouter } from './router';
import { CarvelStatusService } from './service/CarvelStatusService';
import { HistoryService } from './service/HistoryService';
import { PackageCatalogService } from './service/PackageCatalogService';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'app',
    namespace: 'default',
    annotations: { 'carvel.dev/package-name': 'app.default.tap' },
  },
  spec: {},
};

const stored: DeploymentTransition = {
  cluster: 'prod',
  namespace: 'apps',
  name: 'app',
  packageName: 'app.default.tap',
  fromVersion: '1.0.0',
  toVersion: '1.1.0',
  status: 'succeeded',
  at: new Date('2026-12-01T10:00:00Z'),
  commit: 'a'.repeat(40),
  leadTimeSeconds: 42,
  transitionId: 'internal',
};

async function createApp(allow = true) {
  const queries: HistoryQuery[] = [];
  const store = {
    list: async (query: HistoryQuery) => {
      queries.push(query);
      return [stored];
    },
  } as unknown as DeploymentHistoryStore;
  const catalog = catalogServiceMock({ entities: [entity] });
  const permissions = mockServices.permissions.mock();
  permissions.authorize.mockResolvedValue([
    { result: allow ? AuthorizeResult.ALLOW : AuthorizeResult.DENY },
  ]);
  const router = await createRouter({
    httpAuth: mockServices.httpAuth({
      defaultCredentials: mockCredentials.none(),
    }),
    statusService: new CarvelStatusService({
      fleet: fakeFleet([]),
      catalog,
      permissions,
      initialSyncTimeoutMs: 100,
    }),
    historyService: new HistoryService({ catalog, permissions, store }),
    packageCatalog: new PackageCatalogService({
      fleet: fakeFleet([]),
      permissions,
      initialSyncTimeoutMs: 100,
    }),
  });
  return { app: express().use(router).use(mockErrorHandler()), queries };
}

const get = (app: express.Express, path: string) =>
  request(app).get(path).set('Authorization', mockCredentials.user.header());

describe('GET /history/:namespace/:kind/:name', () => {
  it('answers the contract shape, asking for 100 entries by default', async () => {
    const { app, queries } = await createApp();
    const response = await get(app, '/history/default/component/app');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      items: [
        {
          cluster: 'prod',
          namespace: 'apps',
          name: 'app',
          packageName: 'app.default.tap',
          fromVersion: '1.0.0',
          toVersion: '1.1.0',
          status: 'succeeded',
          at: '2026-12-01T10:00:00.000Z',
          commit: 'a'.repeat(40),
          leadTimeSeconds: 42,
        },
      ],
      clusters: [
        {
          cluster: 'prod',
          medianLeadTimeSeconds: 42,
          deploymentsLast30Days: 1,
        },
      ],
    });
    expect(queries).toEqual([
      { packageNames: ['app.default.tap'], limit: 100 },
      {
        packageNames: ['app.default.tap'],
        since: expect.any(Date),
        limit: 5001,
      },
    ]);
  });

  it('passes a valid limit and refuses others with 400', async () => {
    const { app, queries } = await createApp();
    expect(
      (await get(app, '/history/default/component/app?limit=5')).status,
    ).toBe(200);
    expect(queries[0].limit).toBe(5);
    for (const limit of ['0', '1001', 'all']) {
      const response = await get(
        app,
        `/history/default/component/app?limit=${limit}`,
      );
      expect(response.status).toBe(400);
      expect(response.body.error.name).toBe('InputError');
    }
  });

  it('answers 401 without credentials, 404 for an unknown entity, 403 when denied', async () => {
    const { app } = await createApp();
    expect(
      (await request(app).get('/history/default/component/app')).status,
    ).toBe(401);
    expect((await get(app, '/history/default/component/missing')).status).toBe(
      404,
    );
    const denied = await createApp(false);
    expect(
      (await get(denied.app, '/history/default/component/app')).status,
    ).toBe(403);
  });
});
