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
import {
  HistoryService,
  HistoryServiceOptions,
  parseHistoryLimit,
} from './HistoryService';

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

const NOW = new Date('2026-12-01T12:00:00Z');

async function createService(
  allow = true,
  options: Partial<HistoryServiceOptions> = {},
) {
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
    now: () => NOW,
    ...options,
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
      clusters: [
        { cluster: 'prod', deploymentsLast30Days: 1 },
        {
          cluster: 'staging',
          medianLeadTimeSeconds: 42,
          deploymentsLast30Days: 1,
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

  it("counts the last 30 days' deployments per cluster, reading at most the newest transitions it may", async () => {
    const { service, store } = await createService(true, {
      maxFigureTransitions: 3,
    });
    const daysAgo = (days: number) =>
      new Date(NOW.getTime() - days * 24 * 60 * 60 * 1000);
    const versions = ['1.0.0', '1.1.0', '1.2.0', '1.3.0'];
    for (const [i, days] of [40, 20, 10, 1].entries()) {
      await store.record(
        transition({
          at: daysAgo(days),
          transitionId: `prod-${days}`,
          fromVersion: versions[i - 1],
          toVersion: versions[i],
          leadTimeSeconds: days * 10,
        }),
      );
    }
    await store.record(
      transition({
        at: daysAgo(31),
        transitionId: 'staging-old',
        cluster: 'staging',
      }),
    );

    const history = await service.getEntityHistory(
      ref,
      mockCredentials.user(),
      100,
    );
    expect(history.items).toHaveLength(5);
    expect(history.clusters).toEqual([
      { cluster: 'prod', medianLeadTimeSeconds: 100, deploymentsLast30Days: 3 },
    ]);
    expect(history.clustersFromNewest).toBeUndefined();

    await store.record(
      transition({
        at: daysAgo(2),
        transitionId: 'prod-failed',
        fromVersion: '1.2.0',
        toVersion: '1.3.0',
        status: 'failed',
      }),
    );
    const capped = await service.getEntityHistory(
      ref,
      mockCredentials.user(),
      100,
    );
    expect(capped.clustersFromNewest).toBe(3);
    expect(capped.clusters).toEqual([
      { cluster: 'prod', medianLeadTimeSeconds: 55, deploymentsLast30Days: 2 },
    ]);
  });

  it('links commits to their web page in the repository that declares the PackageInstall', async () => {
    const sha = 'c'.repeat(40);
    const { service, store } = await createService(true, {
      desiredState: {
        desiredState: () => ({
          repositories: [
            {
              repository: 'https://git.example.com/gitops',
              branch: 'main',
              packageInstalls: [
                {
                  repository: 'https://git.example.com/gitops',
                  commit: sha,
                  committedAt: '2026-12-01T09:00:00Z',
                  file: 'app.default.tap/prod/packageinstall.yaml',
                  packageName: 'app.default.tap',
                  cluster: 'prod',
                  namespace: 'apps',
                  name: 'app',
                  valuesSecretNames: [],
                },
              ],
              apps: [],
              problems: [],
            },
          ],
        }),
        commitTime: async () => undefined,
        isAncestor: async () => undefined,
      },
      commitUrl: (repository, commit) => `${repository}/commit/${commit}`,
    });
    await store.record(transition({ commit: sha }));

    const history = await service.getEntityHistory(
      ref,
      mockCredentials.user(),
      100,
    );
    expect(history.items[0].commitUrl).toBe(
      `https://git.example.com/gitops/commit/${sha}`,
    );
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
