import { apiRequest } from './testing/apiClient';
import {
  packageInstallBody,
  PKGI_PATH,
  useServerWithAppsNamespace,
} from './testing/serverFixture';

const server = useServerWithAppsNamespace('server-writes-test');
const packageInstall = packageInstallBody;

describe('writes over HTTP', () => {
  it('creates with 201, dropping status and setting server fields', async () => {
    const response = await apiRequest(server(), 'POST', PKGI_PATH, {
      body: packageInstall('created', { status: { version: '1.0.0' } }),
    });
    expect(response.status).toBe(201);
    const created = response.json();
    expect(created.status).toBeUndefined();
    expect(created.metadata).toMatchObject({
      name: 'created',
      namespace: 'apps',
      generation: 1,
    });
    expect(Number(created.metadata.resourceVersion)).toBeGreaterThan(0);

    const again = await apiRequest(server(), 'POST', PKGI_PATH, {
      body: packageInstall('created'),
    });
    expect(again.status).toBe(409);
    expect(again.json()).toMatchObject({
      reason: 'AlreadyExists',
      message: 'packageinstalls.packaging.carvel.dev "created" already exists',
    });
  });

  it('rejects bodies of the wrong kind or format', async () => {
    const wrongKind = await apiRequest(server(), 'POST', PKGI_PATH, {
      body: { ...packageInstall('x'), kind: 'App' },
    });
    expect(wrongKind.status).toBe(400);
    const protobuf = await apiRequest(server(), 'POST', PKGI_PATH, {
      body: 'k8s\u0000',
      contentType: 'application/vnd.kubernetes.protobuf',
    });
    expect(protobuf.status).toBe(415);
    const notJson = await apiRequest(server(), 'POST', PKGI_PATH, {
      body: '{nope',
    });
    expect(notJson.status).toBe(400);
  });

  it('updates spec with PUT (ignoring status) and status with PUT /status', async () => {
    const created = server().store.create({
      ...packageInstall('put'),
      metadata: { name: 'put', namespace: 'apps' },
    });
    const updated = await apiRequest(server(), 'PUT', `${PKGI_PATH}/put`, {
      body: {
        ...created,
        spec: { ...(created.spec as object), paused: true },
        status: { version: 'ignored' },
      },
    });
    expect(updated.status).toBe(200);
    expect(updated.json().metadata.generation).toBe(2);
    expect(updated.json().status).toBeUndefined();

    const status = await apiRequest(
      server(),
      'PUT',
      `${PKGI_PATH}/put/status`,
      {
        body: {
          ...updated.json(),
          spec: { changed: 'ignored' },
          status: { observedGeneration: 2, version: '1.0.0' },
        },
      },
    );
    expect(status.json()).toMatchObject({
      spec: { paused: true },
      status: { version: '1.0.0' },
      metadata: { generation: 2 },
    });

    const stale = await apiRequest(server(), 'PUT', `${PKGI_PATH}/put`, {
      body: updated.json(),
    });
    expect(stale.status).toBe(409);
    expect(stale.json().reason).toBe('Conflict');
  });

  it('patches with merge and JSON patches, and refuses strategic merge for CRDs', async () => {
    server().store.create({
      ...packageInstall('patch'),
      metadata: { name: 'patch', namespace: 'apps' },
    });
    const merged = await apiRequest(server(), 'PATCH', `${PKGI_PATH}/patch`, {
      body: { metadata: { labels: { team: 'a' } } },
      contentType: 'application/merge-patch+json',
    });
    expect(merged.json().metadata).toMatchObject({
      labels: { team: 'a' },
      generation: 1,
    });
    const json = await apiRequest(
      server(),
      'PATCH',
      `${PKGI_PATH}/patch/status`,
      {
        body: [
          {
            op: 'add',
            path: '/status',
            value: { friendlyDescription: 'Reconciling' },
          },
        ],
        contentType: 'application/json-patch+json',
      },
    );
    expect(json.json().status).toEqual({ friendlyDescription: 'Reconciling' });
    const strategic = await apiRequest(
      server(),
      'PATCH',
      `${PKGI_PATH}/patch`,
      {
        body: { spec: { paused: true } },
        contentType: 'application/strategic-merge-patch+json',
      },
    );
    expect(strategic.status).toBe(415);
    const stale = await apiRequest(server(), 'PATCH', `${PKGI_PATH}/patch`, {
      body: { metadata: { resourceVersion: '1' }, spec: { paused: true } },
      contentType: 'application/merge-patch+json',
    });
    expect(stale.status).toBe(409);
  });

  it('marks objects with finalizers for deletion and deletes the rest', async () => {
    server().store.create({
      ...packageInstall('final'),
      metadata: {
        name: 'final',
        namespace: 'apps',
        finalizers: ['finalizers.packageinstall.packaging.carvel.dev/delete'],
      },
    });
    const marked = await apiRequest(server(), 'DELETE', `${PKGI_PATH}/final`);
    expect(marked.status).toBe(200);
    expect(marked.json().metadata).toMatchObject({
      deletionTimestamp: expect.any(String),
      generation: 2,
    });
    expect(
      (await apiRequest(server(), 'GET', `${PKGI_PATH}/final`)).status,
    ).toBe(200);

    await apiRequest(server(), 'PATCH', `${PKGI_PATH}/final`, {
      body: { metadata: { finalizers: null } },
      contentType: 'application/merge-patch+json',
    });
    const gone = await apiRequest(server(), 'GET', `${PKGI_PATH}/final`);
    expect(gone.status).toBe(404);
    expect(gone.json()).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'packageinstalls.packaging.carvel.dev "final" not found',
      reason: 'NotFound',
      details: {
        name: 'final',
        group: 'packaging.carvel.dev',
        kind: 'packageinstalls',
      },
      code: 404,
    });
  });

  it('returns a Success Status when deleting built-in objects', async () => {
    server().store.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cm', namespace: 'apps' },
      data: { a: 'b' },
    });
    const deleted = await apiRequest(
      server(),
      'DELETE',
      '/api/v1/namespaces/apps/configmaps/cm',
    );
    expect(deleted.json()).toMatchObject({
      kind: 'Status',
      status: 'Success',
      details: { name: 'cm', kind: 'configmaps' },
    });
  });

  it('deletes collections by label', async () => {
    for (const name of ['dc-1', 'dc-2']) {
      server().store.create({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name, namespace: 'apps', labels: { batch: 'dc' } },
      });
    }
    const deleted = await apiRequest(
      server(),
      'DELETE',
      '/api/v1/namespaces/apps/secrets?labelSelector=batch%3Ddc',
    );
    expect(deleted.json().items.map((item: any) => item.metadata.name)).toEqual(
      ['dc-1', 'dc-2'],
    );
    expect(
      server().store.list({
        apiVersion: 'v1',
        kind: 'Secret',
        namespace: 'apps',
        labelSelector: 'batch=dc',
      }),
    ).toEqual([]);
  });
});
