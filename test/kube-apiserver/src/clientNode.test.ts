import {
  ApiException,
  CustomObjectsApi,
  KubeConfig,
  Watch,
  makeInformer,
} from '@kubernetes/client-node';
import { KubeApiServer, KubeObject, startKubeApiServer } from './index';
import { waitUntil } from './testing/apiClient';

const group = 'packaging.carvel.dev';
const version = 'v1alpha1';
const plural = 'packageinstalls';
const NAMESPACED_PATH = `/apis/${group}/${version}/namespaces/apps/${plural}`;
const ref = {
  apiVersion: `${group}/${version}`,
  kind: 'PackageInstall',
  namespace: 'apps',
};

let cluster: KubeApiServer;
let kubeConfig: KubeConfig;
let api: CustomObjectsApi;

const create = (name: string) =>
  cluster.store.create({
    ...ref,
    metadata: { name, namespace: 'apps' },
    spec: { packageRef: { refName: `${name}.tap` } },
  });

beforeEach(async () => {
  cluster = await startKubeApiServer({ name: 'client-node' });
  kubeConfig = new KubeConfig();
  kubeConfig.loadFromString(cluster.kubeconfig());
  api = kubeConfig.makeApiClient(CustomObjectsApi);
  create('first');
});

afterEach(() => cluster.close());

it('lists and gets custom objects over TLS with the bearer token', async () => {
  const list = await api.listClusterCustomObject({ group, version, plural });
  expect(list.kind).toBe('PackageInstallList');
  expect(list.items.map((item: KubeObject) => item.metadata.name)).toEqual([
    'first',
  ]);
  const one = await api.getNamespacedCustomObject({
    group,
    version,
    plural,
    namespace: 'apps',
    name: 'first',
  });
  expect(one.spec.packageRef.refName).toBe('first.tap');
});

it('surfaces API errors as ApiException with the Status body', async () => {
  const failure = await api
    .getNamespacedCustomObject({
      group,
      version,
      plural,
      namespace: 'apps',
      name: 'missing',
    })
    .catch(error => error);
  expect(failure).toBeInstanceOf(ApiException);
  expect(failure.code).toBe(404);
  expect(JSON.parse(failure.body)).toMatchObject({
    reason: 'NotFound',
    message: 'packageinstalls.packaging.carvel.dev "missing" not found',
  });

  cluster.faults.forbid('pkgi', { clusterWideOnly: true });
  await expect(
    api.listClusterCustomObject({ group, version, plural }),
  ).rejects.toMatchObject({ code: 403 });
  const namespaced = await api.listNamespacedCustomObject({
    group,
    version,
    plural,
    namespace: 'apps',
  });
  expect(namespaced.items).toHaveLength(1);
});

it('streams ADDED, MODIFIED and DELETED to a Watch', async () => {
  const events: string[] = [];
  let doneError: unknown = 'not done';
  const { metadata } = await api.listNamespacedCustomObject({
    group,
    version,
    plural,
    namespace: 'apps',
  });
  const request = await new Watch(kubeConfig).watch(
    NAMESPACED_PATH,
    { resourceVersion: metadata.resourceVersion },
    (type, object) => events.push(`${type} ${object.metadata.name}`),
    error => {
      doneError = error;
    },
  );
  await waitUntil(
    () => cluster.requests.count({ verb: 'watch' }) === 1,
    5000,
    'the watch request',
  );
  create('second');
  cluster.store.patch({ ...ref, name: 'second' }, { spec: { paused: true } });
  cluster.store.delete({ ...ref, name: 'second' });
  await waitUntil(() => events.length === 3, 5000, 'three watch events');
  expect(events).toEqual(['ADDED second', 'MODIFIED second', 'DELETED second']);
  request.abort();
  await waitUntil(
    () => doneError !== 'not done',
    5000,
    'the aborted watch to finish',
  );
  doneError = 'not done';

  cluster.faults.expireResourceVersions();
  const expired: unknown[] = [];
  await new Watch(kubeConfig).watch(
    NAMESPACED_PATH,
    { resourceVersion: '1' },
    (type, object) =>
      expired.push({ type, code: object.code, reason: object.reason }),
    error => {
      doneError = error;
    },
  );
  await waitUntil(() => doneError === null, 5000, 'the expired watch to end');
  expect(expired).toEqual([{ type: 'ERROR', code: 410, reason: 'Expired' }]);
});

it('keeps an informer in sync, recovering from 410 Gone by listing again', async () => {
  const informer = makeInformer(kubeConfig, NAMESPACED_PATH, () =>
    api.listNamespacedCustomObject({
      group,
      version,
      plural,
      namespace: 'apps',
    }),
  );
  const errors: unknown[] = [];
  const deleted: string[] = [];
  informer.on('error', error => errors.push(error));
  informer.on('delete', object => deleted.push(object.metadata?.name ?? ''));
  await informer.start();
  await waitUntil(
    () =>
      informer.list().length === 1 &&
      cluster.requests.count({ verb: 'watch' }) === 1,
    5000,
    'the informer to sync',
  );

  create('second');
  await waitUntil(
    () => informer.list().length === 2,
    5000,
    'the informer to see the second object',
  );

  // Move the cluster past the informer's resourceVersion without telling it, compact, and end its
  // watch: it re-watches from a resourceVersion that is now too old, gets ERROR 410 and lists again.
  cluster.store.create({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'unrelated', namespace: 'apps' },
  });
  cluster.faults.expireResourceVersions();
  const listsBefore = cluster.requests.count({ verb: 'list' });
  expect(cluster.faults.closeWatchConnections()).toBe(1);
  cluster.store.delete({ ...ref, name: 'first' });

  await waitUntil(
    () => cluster.requests.count({ verb: 'list' }) === listsBefore + 1,
    5000,
    'the informer to list again',
  );
  await waitUntil(
    () => deleted.includes('first'),
    5000,
    'the informer to notice the deletion it missed',
  );
  await waitUntil(
    () => cluster.requests.count({ verb: 'watch' }) === 3,
    5000,
    'the informer to watch a third time',
  );
  expect(informer.list().map(object => object.metadata?.name)).toEqual([
    'second',
  ]);

  create('third');
  await waitUntil(
    () => informer.list().length === 2,
    5000,
    'the informer to watch again',
  );
  expect(errors).toEqual([]);
  await informer.stop();
});
