import {
  metadata,
  packageInstall,
  setupStore as setup,
  statusOf,
} from './testing/storeFixtures';

describe('ObjectStore.create', () => {
  it('sets server-managed metadata and drops status over the API', () => {
    const { store, pkgi } = setup();
    const stored = store.create(
      pkgi,
      packageInstall({ status: { version: '9.9.9' } }),
      { mode: 'api', namespace: 'apps' },
    );
    expect(stored.object).toEqual({
      apiVersion: 'packaging.carvel.dev/v1alpha1',
      kind: 'PackageInstall',
      metadata: {
        name: 'app',
        namespace: 'apps',
        uid: expect.stringMatching(/^[0-9a-f-]{36}$/),
        resourceVersion: String(stored.revision),
        generation: 1,
        creationTimestamp: '2024-05-01T12:00:00Z',
      },
      spec: { packageRef: { refName: 'app.tap' } },
    });
    expect(JSON.parse(stored.json)).toEqual(stored.object);
  });

  it('keeps seeded status, generation and timestamps', () => {
    const { store, pkgi } = setup();
    const stored = store.create(
      pkgi,
      packageInstall({
        metadata: {
          name: 'app',
          namespace: 'apps',
          generation: 3,
          creationTimestamp: '2023-01-01T00:00:00Z',
          deletionTimestamp: '2024-01-01T00:00:00Z',
          finalizers: ['f'],
        },
        status: { observedGeneration: 2 },
      }),
      { mode: 'seed' },
    );
    expect(metadata(stored.object)).toMatchObject({
      generation: 3,
      creationTimestamp: '2023-01-01T00:00:00Z',
      deletionTimestamp: '2024-01-01T00:00:00Z',
    });
    expect(stored.object.status).toEqual({ observedGeneration: 2 });
  });

  it('creates a missing namespace when seeding but not over the API', () => {
    const { store, pkgi, registry } = setup();
    store.create(
      pkgi,
      packageInstall({ metadata: { name: 'a', namespace: 'new' } }),
      { mode: 'seed' },
    );
    expect(store.get(registry.resolve('ns'), '', 'new')).toBeDefined();
    expect(
      statusOf(() =>
        store.create(pkgi, packageInstall({ metadata: { name: 'a' } }), {
          mode: 'api',
          namespace: 'absent',
        }),
      ),
    ).toMatchObject({
      code: 404,
      reason: 'NotFound',
      message: 'namespaces "absent" not found',
    });
  });

  it('rejects duplicates, preset resourceVersions and mismatched namespaces', () => {
    const { store, pkgi } = setup();
    store.create(pkgi, packageInstall(), { mode: 'api', namespace: 'apps' });
    expect(
      statusOf(() =>
        store.create(pkgi, packageInstall(), {
          mode: 'api',
          namespace: 'apps',
        }),
      ),
    ).toMatchObject({
      code: 409,
      reason: 'AlreadyExists',
      message: 'packageinstalls.packaging.carvel.dev "app" already exists',
      details: {
        name: 'app',
        group: 'packaging.carvel.dev',
        kind: 'packageinstalls',
      },
    });
    expect(
      statusOf(() =>
        store.create(
          pkgi,
          packageInstall({ metadata: { name: 'b', resourceVersion: '5' } }),
          { mode: 'api', namespace: 'apps' },
        ),
      ),
    ).toMatchObject({
      code: 500,
      message:
        'Internal error occurred: resourceVersion should not be set on objects to be created',
    });
    expect(
      statusOf(() =>
        store.create(
          pkgi,
          packageInstall({ metadata: { name: 'b', namespace: 'other' } }),
          { mode: 'api', namespace: 'apps' },
        ),
      ),
    ).toMatchObject({ code: 400, reason: 'BadRequest' });
  });

  it('generates names from generateName', () => {
    const { store, pkgi } = setup();
    const stored = store.create(
      pkgi,
      packageInstall({ metadata: { generateName: 'app-' } }),
      { mode: 'api', namespace: 'apps' },
    );
    expect(stored.name).toMatch(/^app-[a-z0-9]{5}$/);
    expect(
      statusOf(() =>
        store.create(pkgi, packageInstall({ metadata: {} }), {
          mode: 'api',
          namespace: 'apps',
        }),
      ),
    ).toMatchObject({
      code: 422,
      reason: 'Invalid',
    });
  });

  it("validates Package names like kapp-controller's aggregated API", () => {
    const { store, registry } = setup();
    const pkg = registry.resolve('pkg');
    const body = {
      metadata: { name: 'wrong' },
      spec: { refName: 'app.tap', version: '1.0.0' },
    };
    expect(
      statusOf(() =>
        store.create(pkg, body, { mode: 'api', namespace: 'apps' }),
      ),
    ).toMatchObject({
      code: 422,
      message: `Package.data.packaging.carvel.dev "wrong" is invalid: metadata.name: Invalid value: "wrong": must be <spec.refName> + '.' + <spec.version>`,
    });
    expect(
      store.create(
        pkg,
        { ...body, metadata: { name: 'app.tap.1.0.0' } },
        { mode: 'api', namespace: 'apps' },
      ).name,
    ).toBe('app.tap.1.0.0');
  });

  it('counts resourceVersions across all resource types', () => {
    const { store, pkgi, registry } = setup();
    const first = store.create(pkgi, packageInstall(), {
      mode: 'seed',
    }).revision;
    const secret = store.create(
      registry.resolve('secrets'),
      { metadata: { name: 's', namespace: 'apps' } },
      { mode: 'seed' },
    );
    expect(secret.revision).toBe(first + 1);
    expect(metadata(secret.object).generation).toBeUndefined();
    expect(store.revision).toBe(first + 1);
  });
});

describe('ObjectStore.update and updateStatus', () => {
  it('ignores status on the main resource and bumps generation only for spec changes', () => {
    const { store, pkgi } = setup();
    const created = store.create(
      pkgi,
      packageInstall({ status: { version: '1.0.0' } }),
      { mode: 'seed' },
    );
    const relabelled = store.update(
      pkgi,
      packageInstall({
        metadata: { name: 'app', namespace: 'apps', labels: { a: 'b' } },
        status: { version: 'ignored' },
      }),
      { mode: 'seed' },
    );
    expect(metadata(relabelled.object)).toMatchObject({
      generation: 1,
      labels: { a: 'b' },
    });
    expect(relabelled.object.status).toEqual({ version: '1.0.0' });
    expect(relabelled.revision).toBeGreaterThan(created.revision);

    const respecced = store.update(
      pkgi,
      packageInstall({ spec: { paused: true } }),
      { mode: 'seed' },
    );
    expect(metadata(respecced.object).generation).toBe(2);
    expect(metadata(respecced.object).uid).toBe(metadata(created.object).uid);
  });

  it('changes only status through the status subresource', () => {
    const { store, pkgi } = setup();
    store.create(pkgi, packageInstall(), { mode: 'seed' });
    const updated = store.updateStatus(
      pkgi,
      packageInstall({
        spec: { ignored: true },
        status: { observedGeneration: 1 },
      }),
      { mode: 'seed' },
    );
    expect(updated.object.spec).toEqual({ packageRef: { refName: 'app.tap' } });
    expect(updated.object.status).toEqual({ observedGeneration: 1 });
    expect(metadata(updated.object).generation).toBe(1);
  });

  it('does not write an update that changes nothing', () => {
    const { store, pkgi, events } = setup();
    const created = store.create(pkgi, packageInstall(), { mode: 'seed' });
    const same = store.update(pkgi, packageInstall(), { mode: 'seed' });
    expect(same.revision).toBe(created.revision);
    expect(events.map(e => e.type)).toEqual(['ADDED']);
  });

  it('answers 409 Conflict for a stale resourceVersion and 422 when a CRD update has none', () => {
    const { store, pkgi } = setup();
    const created = store.create(pkgi, packageInstall(), { mode: 'seed' });
    store.update(pkgi, packageInstall({ spec: { a: 1 } }), { mode: 'seed' });
    const stale = packageInstall({
      metadata: { ...metadata(created.object) },
      spec: { b: 2 },
    });
    expect(
      statusOf(() =>
        store.update(pkgi, stale, {
          mode: 'api',
          namespace: 'apps',
          name: 'app',
        }),
      ),
    ).toMatchObject({
      code: 409,
      reason: 'Conflict',
      message:
        'Operation cannot be fulfilled on packageinstalls.packaging.carvel.dev "app": the object has been modified; please apply your changes to the latest version and try again',
    });
    expect(
      statusOf(() =>
        store.update(pkgi, packageInstall(), {
          mode: 'api',
          namespace: 'apps',
          name: 'app',
        }),
      ),
    ).toMatchObject({
      code: 422,
    });
  });

  it('checks the name in the body against the URL and reports missing objects', () => {
    const { store, pkgi } = setup();
    store.create(pkgi, packageInstall(), { mode: 'seed' });
    expect(
      statusOf(() =>
        store.update(pkgi, packageInstall(), {
          mode: 'api',
          namespace: 'apps',
          name: 'other',
        }),
      ),
    ).toMatchObject({
      code: 400,
    });
    expect(
      statusOf(() =>
        store.update(
          pkgi,
          packageInstall({ metadata: { name: 'nope', namespace: 'apps' } }),
          { mode: 'seed' },
        ),
      ),
    ).toMatchObject({
      code: 404,
      message: 'packageinstalls.packaging.carvel.dev "nope" not found',
    });
  });
});
