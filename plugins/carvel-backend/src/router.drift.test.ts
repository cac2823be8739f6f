import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { DesiredStateSource } from '@carvel-gitops/plugin-carvel-common';
import express from 'express';
import request from 'supertest';
import {
  fakeCluster,
  fakeFleet,
  gitopsApp,
  packageInstall,
} from './__testUtils__/fakes';
import type { SlimApp } from './cluster/carvelResources';
import type { DeploymentHistoryStore } from './history/DeploymentHistoryStore';
import { createRouter } from './router';
import { CarvelStatusService } from './service/CarvelStatusService';
import { HistoryService } from './service/HistoryService';
import { PackageCatalogService } from './service/PackageCatalogService';

const HEAD = '3f786850e387550fdab836ed7e6dc881de23001b';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'app',
    namespace: 'default',
    annotations: {
      'carvel.dev/package-name': 'app.default.tap',
      'carvel.dev/clusters': 'staging',
    },
  },
  spec: { owner: 'user:default/mock' },
};

const mirror: DesiredStateSource = {
  desiredState: () => ({
    repositories: [
      {
        repository: 'https://git.example.com/acme/gitops.git',
        branch: 'main',
        commit: HEAD,
        committedAt: '2026-12-01T10:00:00Z',
        packageInstalls: [
          {
            repository: 'https://git.example.com/acme/gitops.git',
            commit: HEAD,
            committedAt: '2026-12-01T10:00:00Z',
            file: 'app.default.tap/staging/packageinstall.yaml',
            packageName: 'app.default.tap',
            cluster: 'staging',
            namespace: 'apps',
            name: 'app',
            constraints: '>=0.0.0',
            valuesSecretNames: [],
          },
        ],
        apps: [],
        problems: [],
      },
    ],
  }),
  commitTime: async () => undefined,
  isAncestor: async (a, d) => a === d,
};

function deliveringApp(): SlimApp {
  const app: SlimApp = {
    ...gitopsApp('app.default.tap-staging', 'app.default.tap'),
    fetchedCommit: HEAD,
  };
  app.metadata.labels = { 'carvel.dev/cluster': 'staging' };
  app.status = {
    ...app.status,
    fetch: { exitCode: 0 },
    deploy: { exitCode: 0, finished: true },
  };
  return app;
}

async function statusOf(constraints: string) {
  const permissions = mockServices.permissions.mock();
  permissions.authorize.mockResolvedValue([{ result: AuthorizeResult.ALLOW }]);
  const catalog = catalogServiceMock({ entities: [entity] });
  const router = await createRouter({
    httpAuth: mockServices.httpAuth({
      defaultCredentials: mockCredentials.none(),
    }),
    statusService: new CarvelStatusService({
      fleet: fakeFleet([
        fakeCluster('build', { apps: [deliveringApp()] }),
        fakeCluster('staging', {
          installs: [packageInstall('app', { constraints })],
        }),
      ]),
      catalog,
      permissions,
      initialSyncTimeoutMs: 100,
      desiredState: mirror,
    }),
    historyService: new HistoryService({
      catalog,
      permissions,
      store: { list: async () => [] } as unknown as DeploymentHistoryStore,
    }),
    packageCatalog: new PackageCatalogService({
      fleet: fakeFleet([]),
      permissions,
      initialSyncTimeoutMs: 100,
    }),
  });
  const app = express().use(router).use(mockErrorHandler());
  return request(app)
    .get('/status/default/component/app')
    .set('Authorization', mockCredentials.user.header());
}

describe('GET /status with a GitOps repository', () => {
  it('says in sync, with the desired state and the commit the build cluster’s App deployed', async () => {
    const response = await statusOf('>=0.0.0');
    expect(response.status).toBe(200);
    expect(response.body.clusters.map((c: any) => c.name)).toEqual(['staging']);
    expect(response.body.clusters[0].packageInstalls[0]).toMatchObject({
      name: 'app',
      drift: 'in-sync',
      deployedCommit: HEAD,
      desired: {
        constraints: '>=0.0.0',
        commit: HEAD,
        file: 'app.default.tap/staging/packageinstall.yaml',
      },
    });
  });

  it('says drifted naming the field changed by hand', async () => {
    const response = await statusOf('1.2.3');
    expect(response.body.clusters[0].packageInstalls[0]).toMatchObject({
      drift: 'drifted',
      driftDetail: 'the constraint on the cluster is 1.2.3, git says >=0.0.0',
    });
  });
});
