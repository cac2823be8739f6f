import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import type { AddressInfo } from 'node:net';
// The benchmarks measure the plugin's own services from source, with its test fixtures.
// eslint-disable-next-line no-restricted-imports
import { APP_ENTITY } from '../../../plugins/carvel-backend/src/__testUtils__/backendFixtures';
import { ClusterFleet } from '../../../plugins/carvel-backend/src/cluster/ClusterFleet';
import { defaultWatchSettings } from '../../../plugins/carvel-backend/src/cluster/WatchSettings';
import { createRouter } from '../../../plugins/carvel-backend/src/router';
import { CarvelStatusService } from '../../../plugins/carvel-backend/src/service/CarvelStatusService';
import { HistoryService } from '../../../plugins/carvel-backend/src/service/HistoryService';
import { PackageCatalogService } from '../../../plugins/carvel-backend/src/service/PackageCatalogService';
import { clusterConfigOf, type FarmCluster } from './clusterFarm';

const quietLogger: any = {
  info() {},
  debug() {},
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
  child: () => quietLogger,
};

/** The backend plugin's own router and services, with trivial auth, catalog and permissions. */
export async function startStatusServer(clusters: FarmCluster[]) {
  const fleet = new ClusterFleet({
    logger: quietLogger,
    settings: { ...defaultWatchSettings, requestTimeoutMs: 30_000 },
  });
  fleet.update(clusters.map(clusterConfigOf));
  const catalog: any = { getEntityByRef: async () => APP_ENTITY };
  const permissions: any = {
    authorize: async () => [{ result: AuthorizeResult.ALLOW }],
  };
  const statusService = new CarvelStatusService({
    fleet,
    catalog,
    permissions,
    initialSyncTimeoutMs: 3000,
  });
  // The benchmark measures /status; /history answers from an empty store.
  const historyService = new HistoryService({
    catalog,
    permissions,
    store: { list: async () => [] } as any,
  });
  const httpAuth: any = {
    credentials: async () => ({
      $$type: '@backstage/BackstageCredentials',
      principal: { type: 'user', userEntityRef: 'user:default/bench' },
    }),
  };
  const app = express().use(
    await createRouter({
      httpAuth,
      statusService,
      historyService,
      packageCatalog: new PackageCatalogService({
        fleet,
        permissions,
        initialSyncTimeoutMs: 3000,
      }),
    }),
  );
  const server = app.listen(0);
  await new Promise(resolve => server.once('listening', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async whenSynced() {
      while (!fleet.clusters().every(c => c.state === 'synced')) {
        await new Promise(r => setTimeout(r, 50));
      }
    },
    stop() {
      fleet.stop();
      server.close();
    },
  };
}
