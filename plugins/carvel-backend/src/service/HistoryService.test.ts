import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  DeploymentHistoryStore,
  DeploymentTransition,
} from '../history/DeploymentHistoryStore';
import { applyHistoryMigrations } from '../history/migrations';
import { HistoryService, parseHistoryLimit } from './HistoryService';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'app',
    namespace: 'default',
    annotations: {
      'carvel.dev/package-name': 'app.default.tap',
      'carvel.dev/clusters': 'prod,staging',
      'carvel.dev/namespace': 'apps',
    },
  },
  spec: {},
};

const transition = (
  overrides: Partial<DeploymentTransition>,
): DeploymentTransition => ({
  cluster: 'prod',
  namespace: 'apps',
  name: 'app',
  packageName: 'app.default.tap',
  toVersion: '1.0.0',
  status: 'succeeded',
  at: new Date('2026-12-01T10:00:00Z'),
  transitionId: 'x',
  ...overrides,
});

async function createService(allow = true) {
  const db = await databases.init('SQLITE_3');
  await applyHistoryMigrations(db);
  const store = new DeploymentHistoryStore(db);
  const permissions = mockServices.permissions.mock();
  permissions.authorize.mockResolvedValue([
    { result: allow ? AuthorizeResult.ALLOW : AuthorizeResult.DENY },
  ]);
  const service = new HistoryService({
    catalog: catalogServiceMock({ entities: [entity] }),
    permissions,
    store,
  });
  return { service, store, permissions };
}

const ref = { kind: 'component', namespace: 'default', name: 'app' };

describe('parseHistoryLimit', () => {
  it('defaults to 100', () => {
    expect(parseHistoryLimit(undefined)).toBe(100);
  });

  it.each(['1', '250', '1000'])('accepts %p', value => {
    expect(parseHistoryLimit(value)).toBe(Number(value));
  });

  it.each(['0', '1001', '-5', '2.5', 'ten', '', '99999999', ['1', '2']])(
    'refuses %p',
    value => {
      expect(() => parseHistoryLimit(value)).toThrow(
        'limit must be a whole number from 1 to 1000',
      );
    },
  );
});

describe('HistoryService', () => {
  it("answers the entity's packages on its clusters and namespace, newest first", async () => {
    const { service, store } = await createService();
    const at = (hour: number) =>
      new Date(`2026-12-01T${String(hour).padStart(2, '0')}:00:00Z`);
    await store.record(transition({ at: at(1), transitionId: 'a' }));
    await store.record(
      transition({
        at: at(2),
        transitionId: 'b',
        cluster: 'staging',
        fromVersion: '1.0.0',
        toVersion: '1.1.0',
        commit: 'f'.repeat(40),
        leadTimeSeconds: 42,
      }),
    );
    await store.record(
      transition({ at: at(3), transitionId: 'c', cluster: 'dev' }),
    );
    await store.record(
      transition({ at: at(4), transitionId: 'd', namespace: 'other' }),
    );
    await store.record(
      transition({ at: at(5), transitionId: 'e', packageName: 'db.tap' }),
    );

    const history = await service.getEntityHistory(
      ref,
      mockCredentials.user(),
      100,
    );
    expect(history).toEqual({
      items: [
        {
          cluster: 'staging',
          namespace: 'apps',
          name: 'app',
          packageName: 'app.default.tap',
          fromVersion: '1.0.0',
          toVersion: '1.1.0',
          status: 'succeeded',
          at: '2026-12-01T02:00:00.000Z',
          commit: 'f'.repeat(40),
          leadTimeSeconds: 42,
        },
        {
          cluster: 'prod',
          namespace: 'apps',
          name: 'app',
          packageName: 'app.default.tap',
          toVersion: '1.0.0',
          status: 'succeeded',
          at: '2026-12-01T01:00:00.000Z',
        },
      ],
    });
    const limited = await service.getEntityHistory(
      ref,
      mockCredentials.user(),
      1,
    );
    expect(limited.items.map(i => i.cluster)).toEqual(['staging']);
  });

  it('checks carvel.status.read on the entity as the caller', async () => {
    const { service, permissions } = await createService(false);
    const credentials = mockCredentials.user();
    await expect(
      service.getEntityHistory(ref, credentials, 100),
    ).rejects.toThrow(NotAllowedError);
    expect(permissions.authorize).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({ name: 'carvel.status.read' }),
          resourceRef: 'component:default/app',
        },
      ],
      { credentials },
    );
  });

  it('answers NotFound for an entity the caller cannot see', async () => {
    const { service } = await createService();
    await expect(
      service.getEntityHistory(
        { ...ref, name: 'missing' },
        mockCredentials.user(),
        100,
      ),
    ).rejects.toThrow(NotFoundError);
  });
});
