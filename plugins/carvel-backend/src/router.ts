import type { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import type { CarvelStatusService } from './service/CarvelStatusService';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  statusService: CarvelStatusService;
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, statusService } = options;
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

  return router;
}
