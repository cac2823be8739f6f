import { KubeApiServer, startKubeApiServer } from './index';
import { apiRequest, openWatch } from './testing/apiClient';

const PKGI =
  '/apis/packaging.carvel.dev/v1alpha1/namespaces/apps/packageinstalls';
const ref = {
  apiVersion: 'packaging.carvel.dev/v1alpha1',
  kind: 'PackageInstall',
  namespace: 'apps',
};

let cluster: KubeApiServer;

const create = (name: string, labels: Record<string, string> = {}) =>
  cluster.store.create({
    ...ref,
    metadata: { name, namespace: 'apps', labels },
    spec: { packageRef: { refName: 'x.tap' } },
  });

beforeEach(async () => {
  cluster = await startKubeApiServer({
    watchHistorySize: 5,
    watchBookmarkIntervalMs: 50,
  });
});

afterEach(() => cluster.close());

const types = (events: { type: string; object: any }[]) =>
  events.map(e => `${e.type} ${e.object.metadata?.name ?? e.object.code}`);

it('streams events after a resourceVersion as newline-delimited JSON', async () => {
  create('a');
  const { resourceVersion } = (await apiRequest(cluster, 'GET', PKGI)).json()
    .metadata;
  create('b');
  const watch = await openWatch(
    cluster,
    `${PKGI}?watch=true&resourceVersion=${resourceVersion}`,
  );
  expect(watch.status).toBe(200);
  cluster.store.patch(
    { ...ref, name: 'a' },
    { status: { version: '1.0.0' } },
    { subresource: 'status' },
  );
  cluster.store.delete({ ...ref, name: 'b' });
  const events = await watch.waitForEvents(3);
  expect(types(events)).toEqual(['ADDED b', 'MODIFIED a', 'DELETED b']);
  expect(events[1].object.status).toEqual({ version: '1.0.0' });
  expect(Number(events[2].object.metadata.resourceVersion)).toBeGreaterThan(
    Number(events[1].object.metadata.resourceVersion),
  );
  watch.close();
});

it('answers a too old resourceVersion with an ERROR event carrying 410 Expired, then ends the stream', async () => {
  create('a');
  const old = cluster.store.resourceVersion;
  for (let i = 0; i < 6; i++) create(`filler-${i}`);
  const watch = await openWatch(
    cluster,
    `${PKGI}?watch=true&resourceVersion=${old}`,
  );
  expect(watch.status).toBe(200);
  expect(await watch.ended).toBeUndefined();
  expect(watch.events).toEqual([
    {
      type: 'ERROR',
      object: expect.objectContaining({
        kind: 'Status',
        status: 'Failure',
        reason: 'Expired',
        code: 410,
        message: expect.stringMatching(/^too old resource version: /),
      }),
    },
  ]);
});

it('sends bookmarks when allowed and closes after timeoutSeconds', async () => {
  const watch = await openWatch(
    cluster,
    `${PKGI}?watch=true&allowWatchBookmarks=true&timeoutSeconds=1&resourceVersion=${cluster.store.resourceVersion}`,
  );
  await watch.waitForEvents(1);
  expect(watch.events[0]).toEqual({
    type: 'BOOKMARK',
    object: {
      kind: 'PackageInstall',
      apiVersion: 'packaging.carvel.dev/v1alpha1',
      metadata: {
        resourceVersion: cluster.store.resourceVersion,
        creationTimestamp: null,
      },
    },
  });
  expect(await watch.ended).toBeUndefined();
});

it('filters by label selector, including objects entering and leaving the selection', async () => {
  const watch = await openWatch(
    cluster,
    `${PKGI}?watch=true&labelSelector=team%3Da`,
  );
  create('a', { team: 'a' });
  create('b', { team: 'b' });
  cluster.store.patch(
    { ...ref, name: 'b' },
    { metadata: { labels: { team: 'a' } } },
  );
  cluster.store.patch(
    { ...ref, name: 'a' },
    { metadata: { labels: { team: 'c' } } },
  );
  expect(types(await watch.waitForEvents(3))).toEqual([
    'ADDED a',
    'ADDED b',
    'DELETED a',
  ]);
  watch.close();
});

it('streams Table rows when kubectl get --watch asks for them', async () => {
  create('a');
  const watch = await openWatch(cluster, `${PKGI}?watch=true`, {
    accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json',
  });
  create('b');
  const [first, second] = await watch.waitForEvents(2);
  expect(first.object).toMatchObject({
    kind: 'Table',
    columnDefinitions: expect.any(Array),
    rows: [{ cells: ['a', 'x.tap', null, null, expect.any(String)] }],
  });
  expect(second.object.columnDefinitions).toBeNull();
  expect(second.object.rows[0].cells[0]).toBe('b');
  watch.close();
});
