import { historyTestDatabases } from './__testUtils__/testDatabases';
import {
  DeploymentHistoryStore,
  DeploymentTransition,
  toHistoryEntry,
} from './DeploymentHistoryStore';

const databases = historyTestDatabases();

function transition(
  overrides: Partial<DeploymentTransition> = {},
): DeploymentTransition {
  return {
    cluster: 'prod',
    namespace: 'apps',
    name: 'app',
    packageName: 'app.default.tap',
    fromVersion: '1.0.0',
    toVersion: '1.1.0',
    status: 'succeeded',
    at: new Date('2026-11-30T10:00:00.000Z'),
    transitionId: 't2026-11-30T10:00:00.000Z|1.1.0|succeeded',
    ...overrides,
  };
}

describe.each(databases.ids)('DeploymentHistoryStore on %s', id => {
  it('stores a transition once, however often it is recorded', async () => {
    const store = new DeploymentHistoryStore(await databases.init(id));
    expect(await store.record(transition({ commit: 'a'.repeat(40) }))).toBe(
      true,
    );
    expect(await store.record(transition())).toBe(false);
    const items = await store.list({
      packageNames: ['app.default.tap'],
      limit: 10,
    });
    expect(items.map(toHistoryEntry)).toEqual([
      {
        cluster: 'prod',
        namespace: 'apps',
        name: 'app',
        packageName: 'app.default.tap',
        fromVersion: '1.0.0',
        toVersion: '1.1.0',
        status: 'succeeded',
        at: '2026-11-30T10:00:00.000Z',
        commit: 'a'.repeat(40),
      },
    ]);
  });

  it('lists newest first, filtered by package, cluster and namespace, up to the limit', async () => {
    const store = new DeploymentHistoryStore(await databases.init(id));
    const day = (n: number) => new Date(Date.UTC(2026, 10, n));
    await store.record(transition({ at: day(1), transitionId: '1' }));
    await store.record(
      transition({ at: day(3), transitionId: '3', leadTimeSeconds: 42 }),
    );
    await store.record(
      transition({ at: day(2), transitionId: '2', cluster: 'staging' }),
    );
    await store.record(
      transition({ at: day(4), transitionId: '4', namespace: 'other' }),
    );
    await store.record(
      transition({ at: day(5), transitionId: '5', packageName: 'x.tap' }),
    );

    const all = await store.list({
      packageNames: ['app.default.tap'],
      limit: 10,
    });
    expect(all.map(t => t.transitionId)).toEqual(['4', '3', '2', '1']);
    expect(all[1].leadTimeSeconds).toBe(42);
    expect(all[1].at).toEqual(day(3));

    const limited = await store.list({
      packageNames: ['app.default.tap'],
      limit: 2,
    });
    expect(limited.map(t => t.transitionId)).toEqual(['4', '3']);

    const prodApps = await store.list({
      packageNames: ['app.default.tap'],
      clusters: ['prod'],
      namespace: 'apps',
      limit: 10,
    });
    expect(prodApps.map(t => t.transitionId)).toEqual(['3', '1']);

    const sinceDay2 = await store.list({
      packageNames: ['app.default.tap'],
      since: day(2),
      limit: 10,
    });
    expect(sinceDay2.map(t => t.transitionId)).toEqual(['4', '3', '2']);
    expect(await store.list({ packageNames: [], limit: 10 })).toEqual([]);
  });

  it('reads the latest transition of each of many PackageInstalls of one cluster in one go', async () => {
    const store = new DeploymentHistoryStore(await databases.init(id));
    const day = (n: number) => new Date(Date.UTC(2026, 10, n));
    await store.record(transition({ at: day(1), transitionId: '1' }));
    await store.record(transition({ at: day(3), transitionId: '3' }));
    await store.record(
      transition({ namespace: 'team-b', at: day(2), transitionId: '2' }),
    );
    await store.record(
      transition({ cluster: 'staging', at: day(5), transitionId: '5' }),
    );
    const latest = await store.latestOfEach('prod', [
      { namespace: 'apps', name: 'app' },
      { namespace: 'team-b', name: 'app' },
      { namespace: 'apps', name: 'missing' },
    ]);
    expect(
      [...latest].map(([key, t]) => [key, t.transitionId, t.at.toISOString()]),
    ).toEqual(
      expect.arrayContaining([
        ['apps/app', '3', day(3).toISOString()],
        ['team-b/app', '2', day(2).toISOString()],
      ]),
    );
    expect(latest.size).toBe(2);
  });

  it('records many transitions in batches, each once', async () => {
    const store = new DeploymentHistoryStore(await databases.init(id));
    await store.record(transition({ name: 'install-0' }));
    const many = Array.from({ length: 120 }, (_, i) =>
      transition({ name: `install-${i}` }),
    );
    await store.recordAll(many);
    await store.recordAll(many.slice(0, 10));
    const listed = await store.list({
      packageNames: ['app.default.tap'],
      limit: 1000,
    });
    expect(listed).toHaveLength(120);
    expect(new Set(listed.map(t => t.name)).size).toBe(120);
  });

  it('stores the same fields in a batch as one by one', async () => {
    const store = new DeploymentHistoryStore(await databases.init(id));
    const full = transition({
      commit: 'b'.repeat(40),
      leadTimeSeconds: 42,
      at: new Date('2026-11-30T10:00:00.123Z'),
    });
    const bare = transition({
      fromVersion: undefined,
      toVersion: undefined,
      transitionId: 'bare',
    });
    await store.record({ ...full, namespace: 'one-by-one' });
    await store.record({ ...bare, namespace: 'one-by-one' });
    await store.recordAll([
      { ...full, namespace: 'batch' },
      { ...bare, namespace: 'batch' },
    ]);
    const listed = await store.list({
      packageNames: ['app.default.tap'],
      limit: 10,
    });
    const fields = (namespace: string) =>
      listed
        .filter(t => t.namespace === namespace)
        .map(({ namespace: _, ...rest }) =>
          toHistoryEntry({ ...rest, namespace: '' }),
        );
    expect(fields('batch')).toHaveLength(2);
    expect(fields('batch')).toEqual(fields('one-by-one'));
    expect(listed.find(t => t.namespace === 'batch' && t.commit)?.at).toEqual(
      new Date('2026-11-30T10:00:00.123Z'),
    );
  });

  it('deletes transitions older than the cutoff', async () => {
    const store = new DeploymentHistoryStore(await databases.init(id));
    await store.record(
      transition({ at: new Date('2026-01-01T00:00:00Z'), transitionId: 'old' }),
    );
    await store.record(
      transition({ at: new Date('2026-11-01T00:00:00Z'), transitionId: 'new' }),
    );
    expect(await store.deleteBefore(new Date('2026-06-01T00:00:00Z'))).toBe(1);
    const left = await store.list({
      packageNames: ['app.default.tap'],
      limit: 10,
    });
    expect(left.map(t => t.transitionId)).toEqual(['new']);
  });
});
