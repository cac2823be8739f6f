import { instanceConfig } from './instanceConfig';

describe('instanceConfig', () => {
  const cluster = {
    name: 'shared',
    url: 'https://127.0.0.1:6443',
    token: 'cluster-token',
    caPem: '-----BEGIN CERTIFICATE-----\nabc\n-----END CERTIFICATE-----\n',
  };

  it('puts the instance on its own port and base URL, on the shared PostgreSQL', () => {
    const config = instanceConfig({
      port: 7100,
      databaseConnection: 'postgresql://postgres@127.0.0.1:5432/postgres',
      clusters: [],
    });
    expect(config.backend).toEqual({
      baseUrl: 'http://localhost:7100',
      listen: { port: 7100 },
      cors: { origin: 'http://localhost:7100' },
      database: {
        client: 'pg',
        connection: 'postgresql://postgres@127.0.0.1:5432/postgres',
      },
    });
    expect(config.app.baseUrl).toBe('http://localhost:7100');
  });

  it('lists exactly the clusters it is given, with the CA as base64 PEM, and no GitOps repository', () => {
    const config = instanceConfig({
      port: 7100,
      databaseConnection: 'postgresql://db',
      clusters: [cluster],
    });
    expect(config.carvel.clusters).toEqual([
      {
        name: 'shared',
        url: 'https://127.0.0.1:6443',
        serviceAccountToken: 'cluster-token',
        caData: Buffer.from(cluster.caPem).toString('base64'),
      },
    ]);
    expect(
      Buffer.from(config.carvel.clusters[0].caData, 'base64').toString(),
    ).toBe(cluster.caPem);
    expect(config.carvel.gitops.localRepositories).toEqual([]);
  });
});
