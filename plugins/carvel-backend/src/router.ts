import type { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import type { CarvelStatusService } from './service/CarvelStatusService';
import { HistoryService, parseHistoryLimit } from './service/HistoryService';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  statusService: CarvelStatusService;
  historyService: HistoryService;
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, statusService, historyService } = options;
  const router = Router();
  router.use(express.json());

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
    res.json(
      await statusService.getEntityStatus(
        { namespace, kind, name },
        credentials,
      ),
    );
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

  return router;
}
