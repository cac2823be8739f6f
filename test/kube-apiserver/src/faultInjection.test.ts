import { KubeApiServer, startKubeApiServer } from './index';
import { apiRequest, openWatch } from './testing/apiClient';

const PKGI = '/apis/packaging.carvel.dev/v1alpha1/packageinstalls';
const PACKAGES = '/apis/data.packaging.carvel.dev/v1alpha1/packages';

let cluster: KubeApiServer;

beforeEach(async () => {
  cluster = await startKubeApiServer({
    userName: 'system:serviceaccount:carvel:reader',
  });
  cluster.store.create({
    apiVersion: 'packaging.carvel.dev/v1alpha1',
    kind: 'PackageInstall',
    metadata: { name: 'app', namespace: 'apps' },
    spec: { packageRef: { refName: 'app.tap' } },
  });
});

afterEach(() => cluster.close());

it('adds latency to every request', async () => {
  cluster.faults.setLatency(150);
  const started = Date.now();
  expect((await apiRequest(cluster, 'GET', PKGI)).status).toBe(200);
  expect(Date.now() - started).toBeGreaterThanOrEqual(145);
});

it('refuses connections and accepts them again on the same port', async () => {
  const { port } = cluster;
  await cluster.faults.refuseConnections();
  await expect(apiRequest(cluster, 'GET', PKGI)).rejects.toMatchObject({
    code: 'ECONNREFUSED',
  });
  await cluster.faults.acceptConnections();
  expect(cluster.port).toBe(port);
  expect((await apiRequest(cluster, 'GET', PKGI)).status).toBe(200);
});

it('answers 401 to everything while credentials are rejected', async () => {
  cluster.faults.setUnauthorized(true);
  expect((await apiRequest(cluster, 'GET', '/version')).status).toBe(401);
  expect((await apiRequest(cluster, 'GET', PKGI)).json().reason).toBe(
    'Unauthorized',
  );
  cluster.faults.setUnauthorized(false);
  expect((await apiRequest(cluster, 'GET', PKGI)).status).toBe(200);
});

it('answers 403 for one resource, optionally only cluster-wide', async () => {
  cluster.faults.forbid('pkgi');
  const forbidden = await apiRequest(cluster, 'GET', PKGI);
  expect(forbidden.status).toBe(403);
  expect(forbidden.json()).toEqual({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message:
      'packageinstalls.packaging.carvel.dev is forbidden: User "system:serviceaccount:carvel:reader" cannot list resource "packageinstalls" in API group "packaging.carvel.dev" at the cluster scope',
    reason: 'Forbidden',
    details: { group: 'packaging.carvel.dev', kind: 'packageinstalls' },
    code: 403,
  });
  expect(
    (await apiRequest(cluster, 'GET', '/apis/kappctrl.k14s.io/v1alpha1/apps'))
      .status,
  ).toBe(200);

  cluster.faults.forbid('pkgi', { clusterWideOnly: true });
  expect((await apiRequest(cluster, 'GET', PKGI)).status).toBe(403);
  expect(
    (
      await apiRequest(
        cluster,
        'GET',
        '/apis/packaging.carvel.dev/v1alpha1/namespaces/apps/packageinstalls',
      )
    ).status,
  ).toBe(200);
});

it('removes a group from discovery and answers 404 for its resources', async () => {
  cluster.faults.removeGroup('packaging.carvel.dev');
  const groups = (await apiRequest(cluster, 'GET', '/apis'))
    .json()
    .groups.map((g: any) => g.name);
  expect(groups).not.toContain('packaging.carvel.dev');
  expect(
    (await apiRequest(cluster, 'GET', '/apis/packaging.carvel.dev/v1alpha1'))
      .status,
  ).toBe(404);
  expect((await apiRequest(cluster, 'GET', PKGI)).text).toBe(
    '404 page not found\n',
  );
  cluster.faults.restoreGroup('packaging.carvel.dev');
  expect((await apiRequest(cluster, 'GET', PKGI)).json().items).toHaveLength(1);
});

it('answers 503 for the aggregated API, its discovery included, but keeps it in the group list', async () => {
  cluster.faults.setAggregatedApiUnavailable(true);
  const list = await apiRequest(cluster, 'GET', PACKAGES);
  expect(list.status).toBe(503);
  expect(list.json()).toEqual({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: 'the server is currently unable to handle the request',
    reason: 'ServiceUnavailable',
    code: 503,
  });
  expect(
    (
      await apiRequest(
        cluster,
        'GET',
        '/apis/data.packaging.carvel.dev/v1alpha1',
      )
    ).status,
  ).toBe(503);
  expect(
    (await apiRequest(cluster, 'GET', '/apis'))
      .json()
      .groups.map((g: any) => g.name),
  ).toContain('data.packaging.carvel.dev');
  expect((await apiRequest(cluster, 'GET', PKGI)).status).toBe(200);

  cluster.faults.setAggregatedApiUnavailable(true, 'text');
  const text = await apiRequest(cluster, 'GET', PACKAGES);
  expect([text.status, text.headers['content-type'], text.text]).toEqual([
    503,
    'text/plain; charset=utf-8',
    'service unavailable\n',
  ]);
});

it('drops open watches mid-stream, or ends them cleanly', async () => {
  const dropped = await openWatch(cluster, `${PKGI}?watch=true`);
  await dropped.waitForEvents(1);
  expect(cluster.faults.dropWatchConnections()).toBe(1);
  expect(await dropped.ended).toBeInstanceOf(Error);

  const closed = await openWatch(cluster, `${PKGI}?watch=true`);
  await closed.waitForEvents(1);
  expect(cluster.faults.closeWatchConnections()).toBe(1);
  expect(await closed.ended).toBeUndefined();
});

it('returns malformed objects from lists and watches until removed', async () => {
  const nameless = cluster.faults.insertMalformedObject(
    'pkgi',
    {
      apiVersion: 'packaging.carvel.dev/v1alpha1',
      kind: 'PackageInstall',
      spec: 'oops',
    },
    { namespace: 'apps' },
  );
  cluster.faults.insertMalformedObject('packageinstalls', {
    apiVersion: 'packaging.carvel.dev/v1alpha1',
    kind: 'PackageInstall',
    metadata: { name: 'stringly', namespace: 'apps' },
    spec: 'a string',
  });
  const list = (await apiRequest(cluster, 'GET', PKGI)).json();
  expect(list.items.map((item: any) => item.spec)).toEqual([
    { packageRef: { refName: 'app.tap' } },
    'a string',
    'oops',
  ]);
  const table = await apiRequest(cluster, 'GET', PKGI, {
    accept: 'application/json;as=Table;v=v1;g=meta.k8s.io',
  });
  expect(table.json().rows).toHaveLength(3);
  const watch = await openWatch(cluster, `${PKGI}?watch=true`);
  await watch.waitForEvents(3);
  nameless.remove();
  await watch.waitForEvents(4);
  expect(watch.events[3]).toMatchObject({
    type: 'DELETED',
    object: { spec: 'oops' },
  });
  watch.close();
  expect((await apiRequest(cluster, 'GET', PKGI)).json().items).toHaveLength(2);
});

it('counts requests by verb and path', async () => {
  cluster.requests.reset();
  await apiRequest(cluster, 'GET', '/apis');
  await apiRequest(cluster, 'GET', PKGI);
  await apiRequest(cluster, 'GET', PKGI);
  await apiRequest(
    cluster,
    'GET',
    '/apis/packaging.carvel.dev/v1alpha1/namespaces/apps/packageinstalls/app',
  );
  expect(cluster.requests.total).toBe(4);
  expect(
    cluster.requests.count({
      resource: 'packageinstalls.packaging.carvel.dev',
    }),
  ).toBe(3);
  expect(cluster.requests.byVerbAndPath()).toEqual({
    'discovery /apis': 1,
    'get /apis/packaging.carvel.dev/v1alpha1/namespaces/apps/packageinstalls/app': 1,
    [`list ${PKGI}`]: 2,
  });
});

it('clears all faults at once', async () => {
  cluster.faults.setUnauthorized(true);
  cluster.faults.forbid('pkgi');
  await cluster.faults.refuseConnections();
  await cluster.faults.clear();
  expect((await apiRequest(cluster, 'GET', PKGI)).status).toBe(200);
});
