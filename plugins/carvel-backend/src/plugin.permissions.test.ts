import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { carvelPlugin } from './plugin';

describe('carvel plugin permissions', () => {
  it('publishes carvel.status.read as a catalog-entity resource permission', async () => {
    const backend = await startTestBackend({
      features: [
        carvelPlugin,
        catalogServiceMock.factory({ entities: [] }),
        mockServices.rootConfig.factory({ data: { carvel: { clusters: [] } } }),
      ],
    });
    try {
      const response = await request(backend.server).get(
        '/api/carvel/.well-known/backstage/permissions/metadata',
      );
      expect(response.status).toBe(200);
      expect(response.body.permissions).toEqual(
        expect.arrayContaining([
          {
            type: 'resource',
            name: 'carvel.status.read',
            attributes: { action: 'read' },
            resourceType: 'catalog-entity',
          },
          {
            type: 'basic',
            name: 'carvel.clusters.read',
            attributes: { action: 'read' },
          },
        ]),
      );
    } finally {
      await backend.stop();
    }
  });
});
