import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { DesiredState } from '@carvel-gitops/plugin-carvel-common';
import express from 'express';
import request from 'supertest';
import {
  fakeCluster,
  fakeFleet,
  packageInstall,
  pkg,
} from './__testUtils__/fakes';
import type { DeploymentHistoryStore } from './history/DeploymentHistoryStore';
import { createRouter } from './router';
import { CarvelStatusService } from './service/CarvelStatusService';
import { HistoryService } from './service/HistoryService';
import { PackageCatalogService } from './service/PackageCatalogService';

const schema = {
  type: 'object',
  properties: { replicas: { type: 'integer' } },
};

const gitops: DesiredState = {
  repositories: [
    {
      repository: '/srv/gitops.git',
      branch: 'main',
      commit: 'c'.repeat(40),
      packageInstalls: [],
      apps: [],
      packages: [
        {
          repository: '/srv/gitops.git',
          commit: 'c'.repeat(40),
          file: 'app.default.tap/packages/1.2.0.yaml',
          packageName: 'app.default.tap',
          version: '1.2.0',
          releasedAt: '2026-11-01T10:00:00Z',
          valuesSchema: schema,
        },
      ],
      problems: [],
    },
  ],
};

async function createApp(options: { allow?: boolean } = {}) {
  const fleet = fakeFleet([
    fakeCluster('staging', {
      packages: [
        pkg('app.default.tap', '1.1.0'),
        pkg('app.default.tap', '1.0.0'),
      ],
      installs: [packageInstall('app', { version: '1.1.0' })],
    }),
    fakeCluster('prod', {
      packages: [pkg('app.default.tap', '1.0.0')],
      installs: [
        packageInstall('app', { version: '1.0.0' }),
        packageInstall('broken', {
          version: '1.0.0',
          condition: 'ReconcileFailed',
          message: 'values do not match the schema',
        }),
      ],
    }),
    fakeCluster(
      'eu',
      { installs: [packageInstall('app', { version: '1.0.0' })] },
      {
        state: 'error',
        error: { type: 'forbidden', message: 'packageinstalls is forbidden' },
        stale: true,
        lastSyncedAt: '2026-11-30T09:00:00.000Z',
      },
    ),
  ]);
  const permissions = mockServices.permissions.mock();
  permissions.authorize.mockResolvedValue([
    {
      result:
        options.allow === false ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
    },
  ]);
  const catalog = catalogServiceMock({ entities: [] });
  const router = await createRouter({
    httpAuth: mockServices.httpAuth({
      defaultCredentials: mockCredentials.none(),
    }),
    statusService: new CarvelStatusService({
      fleet,
      catalog,
      permissions,
      initialSyncTimeoutMs: 100,
    }),
    historyService: new HistoryService({
      catalog,
      permissions,
      store: { list: async () => [] } as unknown as DeploymentHistoryStore,
    }),
    packageCatalog: new PackageCatalogService({
      fleet,
      permissions,
      desiredState: { desiredState: () => gitops },
      initialSyncTimeoutMs: 100,
    }),
  });
  const app = express().use(router).use(mockErrorHandler());
  return {
    permissions,
    get: (path: string) =>
      request(app)
        .get(path)
        .set('Authorization', mockCredentials.user.header()),
  };
}

describe('GET /packages', () => {
  it('lists the packages of the clusters and git, versions highest first', async () => {
    const { get } = await createApp();
    const response = await get('/packages');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      items: [
        {
          packageName: 'app.default.tap',
          clusters: ['prod', 'staging'],
          versions: ['1.2.0', '1.1.0', '1.0.0'],
        },
      ],
    });
  });

  it('answers 403 without carvel.clusters.read, checked as the caller', async () => {
    const { get, permissions } = await createApp({ allow: false });
    const response = await get('/packages');
    expect(response.status).toBe(403);
    expect(response.body.items).toBeUndefined();
    expect(permissions.authorize).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({ name: 'carvel.clusters.read' }),
        },
      ],
      { credentials: mockCredentials.user() },
    );
  });

  it('answers 401 without credentials', async () => {
    const { get } = await createApp();
    expect((await get('/packages').set('Authorization', '')).status).toBe(401);
  });
});

describe('GET /packages/:packageName/versions', () => {
  it('gives each version its release date, values schema and clusters', async () => {
    const { get } = await createApp();
    const response = await get('/packages/app.default.tap/versions');
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([
      {
        version: '1.2.0',
        releasedAt: '2026-11-01T10:00:00Z',
        valuesSchema: schema,
        clusters: [],
        inGit: true,
      },
      { version: '1.1.0', clusters: ['staging'], inGit: false },
      { version: '1.0.0', clusters: ['prod', 'staging'], inGit: false },
    ]);
  });

  it('answers 404 for a package nobody knows, 400 for a name no package has', async () => {
    const { get } = await createApp();
    expect((await get('/packages/nope.tap/versions')).status).toBe(404);
    expect((await get(`/packages/${'x'.repeat(300)}/versions`)).status).toBe(
      400,
    );
  });
});

describe('GET /packages/:packageName/installs', () => {
  it('lists every PackageInstall with the running version and status, and the clusters in error', async () => {
    const { get } = await createApp();
    const response = await get('/packages/app.default.tap/installs');
    expect(response.status).toBe(200);
    expect(
      response.body.items.map((i: any) => [
        i.cluster,
        i.name,
        i.version,
        i.status,
      ]),
    ).toEqual([
      ['staging', 'app', '1.1.0', 'succeeded'],
      ['prod', 'app', '1.0.0', 'succeeded'],
      ['prod', 'broken', '1.0.0', 'failed'],
      ['eu', 'app', '1.0.0', 'succeeded'],
    ]);
    expect(response.body.items[3].stale).toBe(true);
    expect(response.body.clusterErrors).toEqual([
      {
        cluster: 'eu',
        error: { type: 'forbidden', message: 'packageinstalls is forbidden' },
        stale: { lastSyncedAt: '2026-11-30T09:00:00.000Z' },
      },
    ]);
  });

  it('keeps only the installs running the asked version', async () => {
    const { get } = await createApp();
    const response = await get(
      '/packages/app.default.tap/installs?version=1.1.0',
    );
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([
      {
        cluster: 'staging',
        namespace: 'apps',
        name: 'app',
        packageName: 'app.default.tap',
        constraints: '>=0.0.0',
        version: '1.1.0',
        status: 'succeeded',
      },
    ]);
  });

  it('refuses a repeated version, answers 404 for an unknown package and 403 without permission', async () => {
    const { get } = await createApp();
    expect(
      (await get('/packages/app.default.tap/installs?version=1&version=2'))
        .status,
    ).toBe(400);
    expect((await get('/packages/nope.tap/installs')).status).toBe(404);
    const denied = await createApp({ allow: false });
    const response = await denied.get('/packages/app.default.tap/installs');
    expect(response.status).toBe(403);
    expect(response.body.items).toBeUndefined();
  });
});
