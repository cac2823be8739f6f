import type { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { PreparedJsonBodies } from './http/PreparedJsonBodies';
import type { CarvelStatusService } from './service/CarvelStatusService';
import { HistoryService, parseHistoryLimit } from './service/HistoryService';
import {
  PackageCatalogService,
  parseVersionQuery,
} from './service/PackageCatalogService';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  statusService: CarvelStatusService;
  historyService: HistoryService;
  packageCatalog: PackageCatalogService;
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, statusService, historyService, packageCatalog } = options;
  const router = Router();
  router.use(express.json());
  const statusBodies = new PreparedJsonBodies();

  router.get('/clusters', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json({ items: await statusService.listClusters(credentials) });
  });

  router.get('/status/:namespace/:kind/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { namespace, kind, name } = req.params;
    const status = await statusService.getEntityStatus(
      { namespace, kind, name },
      credentials,
    );
    await statusBodies.send(req, res, status.entityRef, status);
  });

  router.get('/history/:namespace/:kind/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { namespace, kind, name } = req.params;
    res.json(
      await historyService.getEntityHistory(
        { namespace, kind, name },
        credentials,
        parseHistoryLimit(req.query.limit),
      ),
    );
  });

  router.get('/packages', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await packageCatalog.listPackages(credentials));
  });

  router.get('/packages/:packageName/versions', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(
      await packageCatalog.listVersions(req.params.packageName, credentials),
    );
  });

  router.get('/packages/:packageName/installs', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const version = parseVersionQuery(req.query.version);
    res.json(
      await packageCatalog.findInstalls(
        req.params.packageName,
        credentials,
        version,
      ),
    );
  });

  return router;
}
