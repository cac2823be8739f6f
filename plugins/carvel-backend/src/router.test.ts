import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import express from 'express';
import request from 'supertest';
import { fakeCluster, fakeFleet, packageInstall } from './__testUtils__/fakes';
import { createRouter } from './router';
import { CarvelStatusService } from './service/CarvelStatusService';
import { HistoryService } from './service/HistoryService';
import { PackageCatalogService } from './service/PackageCatalogService';
import { DeploymentHistoryStore } from './history/DeploymentHistoryStore';

function component(name: string, owner: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: { 'carvel.dev/package-name': 'app.default.tap' },
    },
    spec: { owner },
  };
}

const entity = component('app', 'user:default/mock');
const othersEntity = component('billing', 'group:default/team-b');

async function createApp(
  options: {
    allow?: boolean;
    clusters?: ReturnType<typeof fakeCluster>[];
    maxItemsPerCluster?: number;
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
  const catalog = catalogServiceMock({ entities: [entity, othersEntity] });
  const statusService = new CarvelStatusService({
    fleet,
    catalog,
    permissions,
    initialSyncTimeoutMs: 100,
    maxItemsPerCluster: options.maxItemsPerCluster,
  });
  const router = await createRouter({
    httpAuth: mockServices.httpAuth({
      defaultCredentials: mockCredentials.none(),
    }),
    statusService,
    historyService: new HistoryService({
      catalog,
      permissions,
      store: { list: async () => [] } as unknown as DeploymentHistoryStore,
    }),
    packageCatalog: new PackageCatalogService({
      fleet,
      permissions,
      initialSyncTimeoutMs: 100,
    }),
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

  it('answers 403 when the permission is denied, checked as the caller on the entity', async () => {
    const { app, permissions } = await createApp({ allow: false });
    const response = await request(app)
      .get('/status/default/component/app')
      .set('Authorization', mockCredentials.user.header());
    expect(response.status).toBe(403);
    expect(response.body.error.message).toBe(
      'Not allowed to read the Carvel status of component:default/app',
    );
    expect(permissions.authorize).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({
            name: 'carvel.status.read',
            type: 'resource',
            resourceType: 'catalog-entity',
          }),
          resourceRef: 'component:default/app',
        },
      ],
      {
        credentials: expect.objectContaining({
          principal: expect.objectContaining({
            userEntityRef: 'user:default/mock',
          }),
        }),
      },
    );
  });

  it('looks the entity up before asking for the permission: 404 without a decision', async () => {
    const { app, permissions } = await createApp({ allow: false });
    const response = await request(app)
      .get('/status/default/component/missing')
      .set('Authorization', mockCredentials.user.header());
    expect(response.status).toBe(404);
    expect(permissions.authorize).not.toHaveBeenCalled();
  });

  it('lets a policy allow owners only, by the entity ref', async () => {
    const { app, permissions, fleet } = await createApp();
    const owners = new Map([
      [stringifyEntityRef(entity), entity.spec!.owner],
      [stringifyEntityRef(othersEntity), othersEntity.spec!.owner],
    ]);
    permissions.authorize.mockImplementation(async (requests, options) => {
      const principal = options.credentials.principal as {
        userEntityRef?: string;
      };
      return requests.map(({ permission, resourceRef }) => ({
        result:
          isResourcePermission(permission, 'catalog-entity') &&
          resourceRef !== undefined &&
          owners.get(resourceRef) === principal.userEntityRef
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      }));
    });

    const own = await request(app)
      .get('/status/default/component/app')
      .set('Authorization', mockCredentials.user.header());
    const others = await request(app)
      .get('/status/default/component/billing')
      .set('Authorization', mockCredentials.user.header());

    expect(own.status).toBe(200);
    expect(own.body.entityRef).toBe('component:default/app');
    expect(others.status).toBe(403);
    expect(fleet.interesting).toEqual(['app.default.tap']);
  });

  it('caps the PackageInstalls per cluster and says how many were left out', async () => {
    const installs = Array.from({ length: 2000 }, (_, i) =>
      packageInstall(`app-${String(i).padStart(4, '0')}`),
    );
    const { app } = await createApp({
      maxItemsPerCluster: 50,
      clusters: [fakeCluster('staging', { installs })],
    });
    const response = await request(app)
      .get('/status/default/component/app')
      .set('Authorization', mockCredentials.user.header());
    expect(response.status).toBe(200);
    const [staging] = response.body.clusters;
    expect(staging.packageInstalls).toHaveLength(50);
    expect(staging.truncated).toBe(1950);
    expect(staging.packageInstalls[0].name).toBe('app-0000');
  });

  it('needs credentials', async () => {
    const { app } = await createApp();
    expect(
      (await request(app).get('/status/default/component/app')).status,
    ).toBe(401);
    expect((await request(app).get('/clusters')).status).toBe(401);
  });

  it('checks the basic clusters permission before listing clusters', async () => {
    const { app, permissions } = await createApp({ allow: false });
    const response = await request(app)
      .get('/clusters')
      .set('Authorization', mockCredentials.user.header());
    expect(response.status).toBe(403);
    expect(permissions.authorize).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({
            name: 'carvel.clusters.read',
            type: 'basic',
          }),
        },
      ],
      expect.anything(),
    );
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
        clusterError: {
          type: 'unreachable',
          message: 'connect ECONNREFUSED',
          since: 't',
        },
      },
    ]);
  });
});
