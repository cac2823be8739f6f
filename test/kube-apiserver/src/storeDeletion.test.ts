import {
  metadata,
  packageInstall,
  setupStore as setup,
  statusOf,
} from './testing/storeFixtures';

describe('ObjectStore.delete', () => {
  it('removes an object without finalizers with a DELETED event at a new resourceVersion', () => {
    const { store, pkgi, events } = setup();
    const created = store.create(pkgi, packageInstall(), { mode: 'seed' });
    const { object, removed } = store.delete(pkgi, 'apps', 'app');
    expect(removed).toBe(true);
    expect(object.revision).toBeGreaterThan(created.revision);
    expect(metadata(object.object).resourceVersion).toBe(
      String(object.revision),
    );
    expect(store.get(pkgi, 'apps', 'app')).toBeUndefined();
    expect(events.map(e => e.type)).toEqual(['ADDED', 'DELETED']);
  });

  it('marks an object with finalizers for deletion and removes it when the last finalizer goes', () => {
    const { store, pkgi, events, advanceClock } = setup();
    const withFinalizer = {
      name: 'app',
      namespace: 'apps',
      finalizers: ['finalizers.packageinstall.packaging.carvel.dev/delete'],
    };
    store.create(pkgi, packageInstall({ metadata: withFinalizer }), {
      mode: 'seed',
    });
    advanceClock(5000);
    const marked = store.delete(pkgi, 'apps', 'app');
    expect(marked.removed).toBe(false);
    expect(metadata(marked.object.object)).toMatchObject({
      deletionTimestamp: '2024-05-01T12:00:05Z',
      deletionGracePeriodSeconds: 0,
      generation: 2,
    });
    expect(store.delete(pkgi, 'apps', 'app').object.revision).toBe(
      marked.object.revision,
    );

    expect(
      statusOf(() =>
        store.update(
          pkgi,
          packageInstall({
            metadata: {
              ...withFinalizer,
              finalizers: [...withFinalizer.finalizers, 'new'],
            },
          }),
          {
            mode: 'seed',
          },
        ),
      ),
    ).toMatchObject({ code: 422 });

    const last = store.update(
      pkgi,
      packageInstall({ metadata: { ...withFinalizer, finalizers: [] } }),
      { mode: 'seed' },
    );
    expect(store.get(pkgi, 'apps', 'app')).toBeUndefined();
    expect(events.map(e => e.type)).toEqual(['ADDED', 'MODIFIED', 'DELETED']);
    expect(events[2].object).toBe(last);
  });

  it('checks preconditions', () => {
    const { store, pkgi } = setup();
    store.create(pkgi, packageInstall(), { mode: 'seed' });
    expect(
      statusOf(() => store.delete(pkgi, 'apps', 'app', { uid: 'other' })),
    ).toMatchObject({ code: 409, reason: 'Conflict' });
    expect(
      statusOf(() =>
        store.delete(pkgi, 'apps', 'app', { resourceVersion: '1' }),
      ),
    ).toMatchObject({ code: 409 });
    expect(statusOf(() => store.delete(pkgi, 'apps', 'missing'))).toMatchObject(
      { code: 404 },
    );
  });

  it("deletes a namespace's contents with it", () => {
    const { store, pkgi, registry } = setup();
    store.create(pkgi, packageInstall(), { mode: 'seed' });
    store.delete(registry.resolve('ns'), '', 'apps');
    expect(store.get(pkgi, 'apps', 'app')).toBeUndefined();
  });
});

describe('ObjectStore unchecked objects and compaction', () => {
  it('stores objects no valid write could produce and removes them again', () => {
    const { store, pkgi, events } = setup();
    const nameless = store.insertUnchecked(
      pkgi,
      { kind: 'PackageInstall', spec: 'not an object' },
      'apps',
    );
    const stringly = store.insertUnchecked(pkgi, {
      metadata: { name: 'odd', namespace: 'apps' },
      spec: 'text',
    });
    expect(
      store
        .collection(pkgi)
        .list('apps')
        .map(s => s.object.spec),
    ).toEqual(['text', 'not an object']);
    expect(metadata(stringly.object).resourceVersion).toBe(
      String(stringly.revision),
    );
    store.removeUnchecked(pkgi, nameless);
    expect(store.collection(pkgi).list().length).toBe(1);
    expect(events.map(e => e.type)).toEqual(['ADDED', 'ADDED', 'DELETED']);
  });

  it('forgets history on compaction', () => {
    const { store, pkgi } = setup();
    store.create(pkgi, packageInstall(), { mode: 'seed' });
    const before = store.revision - 1;
    expect(store.collection(pkgi).eventsAfter(before)).toHaveLength(1);
    store.compact();
    expect(store.collection(pkgi).eventsAfter(before)).toBeUndefined();
    expect(store.collection(pkgi).eventsAfter(store.revision)).toEqual([]);
  });
});
