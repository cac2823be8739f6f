import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import express from 'express';
import request from 'supertest';
import { fakeCluster, fakeFleet, packageInstall } from './__testUtils__/fakes';
import { createRouter } from './router';
import { CarvelStatusService } from './service/CarvelStatusService';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'app',
    namespace: 'default',
    annotations: { 'carvel.dev/package-name': 'app.default.tap' },
  },
  spec: {},
};

async function createApp(
  options: {
    allow?: boolean;
    clusters?: ReturnType<typeof fakeCluster>[];
  } = {},
) {
  const fleet = fakeFleet(
    options.clusters ?? [
      fakeCluster('staging', { installs: [packageInstall('app')] }),
      fakeCluster(
        'prod',
        {},
        {
          state: 'error',
          error: {
            type: 'unreachable',
            message: 'connect ECONNREFUSED',
            since: 't',
          },
        },
      ),
    ],
  );
  const permissions = mockServices.permissions.mock();
  permissions.authorize.mockResolvedValue([
    {
      result:
        options.allow === false ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
    },
  ]);
  const statusService = new CarvelStatusService({
    fleet,
    catalog: catalogServiceMock({ entities: [entity] }),
    permissions,
    initialSyncTimeoutMs: 100,
  });
  const router = await createRouter({
    httpAuth: mockServices.httpAuth({
      defaultCredentials: mockCredentials.none(),
    }),
    statusService,
  });
  return {
    app: express().use(router).use(mockErrorHandler()),
    fleet,
    permissions,
  };
}

describe('createRouter', () => {
  it('returns the entity status of every cluster, one of them in error', async () => {
    const { app, fleet } = await createApp();
    const response = await request(app)
      .get('/status/default/component/app')
      .set('Authorization', mockCredentials.user.header());
    expect(response.status).toBe(200);
    expect(response.body.entityRef).toBe('component:default/app');
    expect(response.body.packageNames).toEqual(['app.default.tap']);
    expect(response.body.clusters.map((c: any) => [c.name, c.state])).toEqual([
      ['staging', 'ok'],
      ['prod', 'error'],
    ]);
    expect(response.body.clusters[0].packageInstalls[0]).toMatchObject({
      name: 'app',
      status: 'succeeded',
    });
    expect(response.body.clusters[1].error).toEqual({
      type: 'unreachable',
      message: 'connect ECONNREFUSED',
      since: 't',
    });
    expect(fleet.interesting).toEqual(['app.default.tap']);
  });

  it('answers 404 for an entity the catalog does not return', async () => {
    const { app } = await createApp();
    const response = await request(app)
      .get('/status/default/component/missing')
      .set('Authorization', mockCredentials.user.header());
    expect(response.status).toBe(404);
  });

  it('answers 403 when the permission is denied, checked as the caller', async () => {
    const { app, permissions } = await createApp({ allow: false });
    const response = await request(app)
      .get('/status/default/component/app')
      .set('Authorization', mockCredentials.user.header());
    expect(response.status).toBe(403);
    expect(permissions.authorize).toHaveBeenCalledWith(
      [{ permission: expect.objectContaining({ name: 'carvel.status.read' }) }],
      {
        credentials: expect.objectContaining({
          principal: expect.objectContaining({
            userEntityRef: 'user:default/mock',
          }),
        }),
      },
    );
  });

  it('needs credentials', async () => {
    const { app } = await createApp();
    expect(
      (await request(app).get('/status/default/component/app')).status,
    ).toBe(401);
    expect((await request(app).get('/clusters')).status).toBe(401);
  });

  it('lists clusters with their sync state', async () => {
    const { app } = await createApp();
    const response = await request(app)
      .get('/clusters')
      .set('Authorization', mockCredentials.service.header());
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([
      {
        name: 'staging',
        state: 'synced',
        lastSyncedAt: '2026-11-25T00:00:00.000Z',
      },
      {
        name: 'prod',
        state: 'error',
        lastSyncedAt: '2026-11-25T00:00:00.000Z',
        error: 'unreachable: connect ECONNREFUSED',
      },
    ]);
  });
});
