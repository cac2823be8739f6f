import {
  BENCH_ENTITY,
  benchBackendConfig,
  carvelClustersConfig,
} from './benchBackendConfig';

const cluster = {
  name: 'cluster-0',
  url: 'https://127.0.0.1:1234',
  token: 'token-0',
  caData: '-----BEGIN CERTIFICATE-----\n',
};

it('points the Kubernetes plugin at the PackageInstalls of the same clusters, tokens and CA', () => {
  const config = benchBackendConfig({
    port: 7123,
    catalogFile: '/tmp/x/entities.yaml',
    clusters: [cluster],
  });
  expect(config.backend.baseUrl).toBe('http://127.0.0.1:7123');
  expect(config.kubernetes.clusterLocatorMethods[0].clusters).toEqual([
    {
      name: 'cluster-0',
      url: 'https://127.0.0.1:1234',
      authProvider: 'serviceAccount',
      serviceAccountToken: 'token-0',
      caData: Buffer.from(cluster.caData).toString('base64'),
    },
  ]);
  expect(config.kubernetes.customResources).toEqual([
    {
      group: 'packaging.carvel.dev',
      apiVersion: 'v1alpha1',
      plural: 'packageinstalls',
    },
  ]);
  expect(config.catalog.locations).toEqual([
    { type: 'file', target: '/tmp/x/entities.yaml' },
  ]);
});

it('gives our plugin the same clusters in carvel.clusters, or an explicit empty list', () => {
  expect(carvelClustersConfig([]).carvel.clusters).toEqual([]);
  expect(carvelClustersConfig([cluster]).carvel.clusters).toEqual([
    {
      name: 'cluster-0',
      url: 'https://127.0.0.1:1234',
      serviceAccountToken: 'token-0',
      caData: Buffer.from(cluster.caData).toString('base64'),
    },
  ]);
});

it('names the entity for both plugins: our package annotation and the Kubernetes id', () => {
  expect(BENCH_ENTITY.metadata.annotations).toEqual({
    'carvel.dev/package-name': 'app.default.tap',
    'backstage.io/kubernetes-id': 'app',
  });
});
