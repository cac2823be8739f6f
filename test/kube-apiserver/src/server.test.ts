import { KubeApiServer, startKubeApiServer } from './index';
import { apiRequest } from './testing/apiClient';

const PKGI_PATH =
  '/apis/packaging.carvel.dev/v1alpha1/namespaces/apps/packageinstalls';
const TABLE_ACCEPT =
  'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

let cluster: KubeApiServer;

beforeAll(async () => {
  cluster = await startKubeApiServer({
    name: 'server-test',
    token: 'secret-token',
  });
  cluster.store.create({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'apps' },
  });
});

afterAll(() => cluster.close());

const packageInstall = (name: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'packaging.carvel.dev/v1alpha1',
  kind: 'PackageInstall',
  metadata: { name },
  spec: {
    packageRef: {
      refName: 'app.tap',
      versionSelection: { constraints: '>=0.0.0' },
    },
  },
  ...extra,
});

describe('authentication', () => {
  it('answers 401 with a Status body for a missing or wrong token', async () => {
    for (const token of [null, 'wrong']) {
      const response = await apiRequest(cluster, 'GET', PKGI_PATH, { token });
      expect(response.status).toBe(401);
      expect(response.json()).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'Unauthorized',
        reason: 'Unauthorized',
        code: 401,
      });
    }
  });

  it('serves /version and health checks without credentials', async () => {
    expect(
      (await apiRequest(cluster, 'GET', '/version', { token: null })).json(),
    ).toMatchObject({ gitVersion: 'v1.32.0' });
    expect(
      (await apiRequest(cluster, 'GET', '/readyz', { token: null })).text,
    ).toBe('ok');
  });
});

describe('discovery', () => {
  it('serves the legacy documents even when aggregated discovery is asked for first', async () => {
    const accept =
      'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';
    const groups = await apiRequest(cluster, 'GET', '/apis', { accept });
    expect(groups.headers['content-type']).toBe('application/json');
    expect(groups.json().kind).toBe('APIGroupList');
    const resources = (
      await apiRequest(cluster, 'GET', '/apis/kappctrl.k14s.io/v1alpha1')
    ).json();
    expect(resources.resources[0]).toMatchObject({
      name: 'apps',
      categories: ['carvel'],
    });
    expect(
      (await apiRequest(cluster, 'GET', '/api')).json()
        .serverAddressByClientCIDRs[0].serverAddress,
    ).toBe(`127.0.0.1:${cluster.port}`);
  });

  it('answers 404 page not found for unknown paths', async () => {
    const response = await apiRequest(
      cluster,
      'GET',
      '/apis/apps/v1/deployments',
    );
    expect(response.status).toBe(404);
    expect(response.text).toBe('404 page not found\n');
  });
});

describe('writes over HTTP', () => {
  it('creates with 201, dropping status and setting server fields', async () => {
    const response = await apiRequest(cluster, 'POST', PKGI_PATH, {
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

    const again = await apiRequest(cluster, 'POST', PKGI_PATH, {
      body: packageInstall('created'),
    });
    expect(again.status).toBe(409);
    expect(again.json()).toMatchObject({
      reason: 'AlreadyExists',
      message: 'packageinstalls.packaging.carvel.dev "created" already exists',
    });
  });

  it('rejects bodies of the wrong kind or format', async () => {
    const wrongKind = await apiRequest(cluster, 'POST', PKGI_PATH, {
      body: { ...packageInstall('x'), kind: 'App' },
    });
    expect(wrongKind.status).toBe(400);
    const protobuf = await apiRequest(cluster, 'POST', PKGI_PATH, {
      body: 'k8s\u0000',
      contentType: 'application/vnd.kubernetes.protobuf',
    });
    expect(protobuf.status).toBe(415);
    const notJson = await apiRequest(cluster, 'POST', PKGI_PATH, {
      body: '{nope',
    });
    expect(notJson.status).toBe(400);
  });

  it('updates spec with PUT (ignoring status) and status with PUT /status', async () => {
    const created = cluster.store.create({
      ...packageInstall('put'),
      metadata: { name: 'put', namespace: 'apps' },
    });
    const updated = await apiRequest(cluster, 'PUT', `${PKGI_PATH}/put`, {
      body: {
        ...created,
        spec: { ...(created.spec as object), paused: true },
        status: { version: 'ignored' },
      },
    });
    expect(updated.status).toBe(200);
    expect(updated.json().metadata.generation).toBe(2);
    expect(updated.json().status).toBeUndefined();

    const status = await apiRequest(cluster, 'PUT', `${PKGI_PATH}/put/status`, {
      body: {
        ...updated.json(),
        spec: { changed: 'ignored' },
        status: { observedGeneration: 2, version: '1.0.0' },
      },
    });
    expect(status.json()).toMatchObject({
      spec: { paused: true },
      status: { version: '1.0.0' },
      metadata: { generation: 2 },
    });

    const stale = await apiRequest(cluster, 'PUT', `${PKGI_PATH}/put`, {
      body: updated.json(),
    });
    expect(stale.status).toBe(409);
    expect(stale.json().reason).toBe('Conflict');
  });

  it('patches with merge and JSON patches, and refuses strategic merge for CRDs', async () => {
    cluster.store.create({
      ...packageInstall('patch'),
      metadata: { name: 'patch', namespace: 'apps' },
    });
    const merged = await apiRequest(cluster, 'PATCH', `${PKGI_PATH}/patch`, {
      body: { metadata: { labels: { team: 'a' } } },
      contentType: 'application/merge-patch+json',
    });
    expect(merged.json().metadata).toMatchObject({
      labels: { team: 'a' },
      generation: 1,
    });
    const json = await apiRequest(
      cluster,
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
    const strategic = await apiRequest(cluster, 'PATCH', `${PKGI_PATH}/patch`, {
      body: { spec: { paused: true } },
      contentType: 'application/strategic-merge-patch+json',
    });
    expect(strategic.status).toBe(415);
    const stale = await apiRequest(cluster, 'PATCH', `${PKGI_PATH}/patch`, {
      body: { metadata: { resourceVersion: '1' }, spec: { paused: true } },
      contentType: 'application/merge-patch+json',
    });
    expect(stale.status).toBe(409);
  });

  it('marks objects with finalizers for deletion and deletes the rest', async () => {
    cluster.store.create({
      ...packageInstall('final'),
      metadata: {
        name: 'final',
        namespace: 'apps',
        finalizers: ['finalizers.packageinstall.packaging.carvel.dev/delete'],
      },
    });
    const marked = await apiRequest(cluster, 'DELETE', `${PKGI_PATH}/final`);
    expect(marked.status).toBe(200);
    expect(marked.json().metadata).toMatchObject({
      deletionTimestamp: expect.any(String),
      generation: 2,
    });
    expect(
      (await apiRequest(cluster, 'GET', `${PKGI_PATH}/final`)).status,
    ).toBe(200);

    await apiRequest(cluster, 'PATCH', `${PKGI_PATH}/final`, {
      body: { metadata: { finalizers: null } },
      contentType: 'application/merge-patch+json',
    });
    const gone = await apiRequest(cluster, 'GET', `${PKGI_PATH}/final`);
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
    cluster.store.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cm', namespace: 'apps' },
      data: { a: 'b' },
    });
    const deleted = await apiRequest(
      cluster,
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
      cluster.store.create({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name, namespace: 'apps', labels: { batch: 'dc' } },
      });
    }
    const deleted = await apiRequest(
      cluster,
      'DELETE',
      '/api/v1/namespaces/apps/secrets?labelSelector=batch%3Ddc',
    );
    expect(deleted.json().items.map((item: any) => item.metadata.name)).toEqual(
      ['dc-1', 'dc-2'],
    );
    expect(
      cluster.store.list({
        apiVersion: 'v1',
        kind: 'Secret',
        namespace: 'apps',
        labelSelector: 'batch=dc',
      }),
    ).toEqual([]);
  });
});

describe('reads over HTTP', () => {
  beforeAll(() => {
    cluster.store.create({
      ...packageInstall('table-row'),
      metadata: { name: 'table-row', namespace: 'apps' },
      status: { version: '2.0.0', friendlyDescription: 'Reconcile succeeded' },
    });
  });

  it('gets one object, as JSON or as a Table', async () => {
    const object = await apiRequest(cluster, 'GET', `${PKGI_PATH}/table-row`);
    expect(object.json()).toMatchObject({
      kind: 'PackageInstall',
      status: { version: '2.0.0' },
    });
    const table = await apiRequest(cluster, 'GET', `${PKGI_PATH}/table-row`, {
      accept: TABLE_ACCEPT,
    });
    expect(table.json()).toMatchObject({
      kind: 'Table',
      rows: [
        {
          cells: [
            'table-row',
            'app.tap',
            '2.0.0',
            'Reconcile succeeded',
            expect.any(String),
          ],
          object: { kind: 'PartialObjectMetadata' },
        },
      ],
    });
  });

  it('lists typed built-in items without kind, CRD items with it', async () => {
    const secrets = (
      await apiRequest(cluster, 'GET', '/api/v1/namespaces/kube-system/secrets')
    ).json();
    expect(secrets).toMatchObject({
      kind: 'SecretList',
      apiVersion: 'v1',
      items: [],
    });
    const namespaces = (
      await apiRequest(cluster, 'GET', '/api/v1/namespaces')
    ).json();
    expect(namespaces.items[0]).not.toHaveProperty('kind');
    const pkgis = (
      await apiRequest(
        cluster,
        'GET',
        '/apis/packaging.carvel.dev/v1alpha1/packageinstalls',
      )
    ).json();
    expect(pkgis.kind).toBe('PackageInstallList');
    expect(pkgis.items[0].kind).toBe('PackageInstall');
  });

  it('serves metadata-only lists and refuses protobuf-only clients', async () => {
    const metadata = await apiRequest(cluster, 'GET', PKGI_PATH, {
      accept:
        'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1',
    });
    expect(metadata.json()).toMatchObject({
      kind: 'PartialObjectMetadataList',
      items: expect.arrayContaining([
        {
          kind: 'PartialObjectMetadata',
          apiVersion: 'meta.k8s.io/v1',
          metadata: expect.objectContaining({ name: 'table-row' }),
        },
      ]),
    });
    expect(
      (
        await apiRequest(cluster, 'GET', PKGI_PATH, {
          accept: 'application/vnd.kubernetes.protobuf',
        })
      ).status,
    ).toBe(406);
  });

  it('answers 400 for bad selectors with the API server wording', async () => {
    const bad = await apiRequest(
      cluster,
      'GET',
      `${PKGI_PATH}?fieldSelector=spec.paused%3Dtrue`,
    );
    expect(bad.status).toBe(400);
    expect(bad.json()).toMatchObject({
      reason: 'BadRequest',
      message: 'field label not supported: spec.paused',
    });
  });
});
