import { ResponseError } from '@backstage/errors';
import { CarvelClient } from './CarvelClient';

const BASE_URL = 'http://localhost:7007/api/carvel';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    statusText: status === 200 ? 'OK' : 'Not Found',
    headers: { 'Content-Type': 'application/json' },
  });
}

function createClient(response: Response) {
  const discoveryApi = { getBaseUrl: jest.fn().mockResolvedValue(BASE_URL) };
  const fetchApi = { fetch: jest.fn().mockResolvedValue(response) };
  return {
    client: new CarvelClient({ discoveryApi, fetchApi }),
    discoveryApi,
    fetchApi,
  };
}

describe('CarvelClient', () => {
  it('gets the status of an entity by its ref parts', async () => {
    const status = {
      entityRef: 'component:default/app',
      packageNames: ['app.default.tap'],
      clusters: [],
    };
    const { client, discoveryApi, fetchApi } = createClient(
      jsonResponse(200, status),
    );

    await expect(
      client.getEntityStatus({
        kind: 'Component',
        namespace: 'default',
        name: 'app',
      }),
    ).resolves.toEqual(status);
    expect(discoveryApi.getBaseUrl).toHaveBeenCalledWith('carvel');
    expect(fetchApi.fetch).toHaveBeenCalledWith(
      `${BASE_URL}/status/default/component/app`,
    );
  });

  it('encodes ref parts that are not URL-safe', async () => {
    const { client, fetchApi } = createClient(
      jsonResponse(200, { entityRef: '', packageNames: [], clusters: [] }),
    );

    await client.getEntityStatus({
      kind: 'Component',
      namespace: 'team a',
      name: 'app/one',
    });
    expect(fetchApi.fetch).toHaveBeenCalledWith(
      `${BASE_URL}/status/team%20a/component/app%2Fone`,
    );
  });

  it('lists the clusters', async () => {
    const clusters = { items: [{ name: 'staging', state: 'synced' }] };
    const { client, fetchApi } = createClient(jsonResponse(200, clusters));

    await expect(client.getClusters()).resolves.toEqual(clusters);
    expect(fetchApi.fetch).toHaveBeenCalledWith(`${BASE_URL}/clusters`);
  });

  it('gets the deployment history of an entity, with a limit when given', async () => {
    const history = {
      items: [
        {
          cluster: 'prod',
          namespace: 'apps',
          name: 'app',
          packageName: 'app.default.tap',
          toVersion: '1.1.0',
          status: 'succeeded',
          at: '2026-12-01T10:00:00.000Z',
        },
      ],
    };
    const { client, fetchApi } = createClient(jsonResponse(200, history));
    const ref = { kind: 'Component', namespace: 'team a', name: 'app' };

    await expect(client.getHistory(ref)).resolves.toEqual(history);
    expect(fetchApi.fetch).toHaveBeenCalledWith(
      `${BASE_URL}/history/team%20a/component/app`,
    );
    fetchApi.fetch.mockResolvedValueOnce(jsonResponse(200, history));
    await client.getHistory(ref, { limit: 20 });
    expect(fetchApi.fetch).toHaveBeenLastCalledWith(
      `${BASE_URL}/history/team%20a/component/app?limit=20`,
    );
  });

  it('lists the known packages', async () => {
    const packages = {
      items: [
        {
          packageName: 'app.default.tap',
          clusters: ['prod', 'staging'],
          versions: ['1.1.0', '1.0.0'],
        },
      ],
    };
    const { client, fetchApi } = createClient(jsonResponse(200, packages));

    await expect(client.getPackages()).resolves.toEqual(packages);
    expect(fetchApi.fetch).toHaveBeenCalledWith(`${BASE_URL}/packages`);
  });

  it('gets the versions of a package by its encoded refName', async () => {
    const versions = {
      items: [
        {
          version: '1.1.0',
          releasedAt: '2026-11-30T10:00:00Z',
          valuesSchema: { type: 'object' },
          clusters: ['staging'],
        },
      ],
    };
    const { client, fetchApi } = createClient(jsonResponse(200, versions));

    await expect(client.getPackageVersions('app.default.tap')).resolves.toEqual(
      versions,
    );
    expect(fetchApi.fetch).toHaveBeenCalledWith(
      `${BASE_URL}/packages/app.default.tap/versions`,
    );
    fetchApi.fetch.mockResolvedValueOnce(jsonResponse(200, versions));
    await client.getPackageVersions('odd/name?');
    expect(fetchApi.fetch).toHaveBeenLastCalledWith(
      `${BASE_URL}/packages/odd%2Fname%3F/versions`,
    );
  });

  it('gets where a package is installed, for one version when given', async () => {
    const installs = { items: [], clusterErrors: [] };
    const { client, fetchApi } = createClient(jsonResponse(200, installs));

    await expect(client.getPackageInstalls('app.default.tap')).resolves.toEqual(
      installs,
    );
    expect(fetchApi.fetch).toHaveBeenCalledWith(
      `${BASE_URL}/packages/app.default.tap/installs`,
    );
    fetchApi.fetch.mockResolvedValueOnce(jsonResponse(200, installs));
    await client.getPackageInstalls('app.default.tap', { version: '1.0.0+b' });
    expect(fetchApi.fetch).toHaveBeenLastCalledWith(
      `${BASE_URL}/packages/app.default.tap/installs?version=1.0.0%2Bb`,
    );
  });

  it('throws a ResponseError when the entity is not visible', async () => {
    const { client } = createClient(
      jsonResponse(404, {
        error: { name: 'NotFoundError', message: 'No entity' },
        request: { method: 'GET', url: '/status/default/component/app' },
        response: { statusCode: 404 },
      }),
    );

    const result = client.getEntityStatus({
      kind: 'Component',
      namespace: 'default',
      name: 'app',
    });
    await expect(result).rejects.toBeInstanceOf(ResponseError);
    await expect(result).rejects.toMatchObject({
      statusCode: 404,
      cause: expect.objectContaining({ name: 'NotFoundError' }),
    });
  });
});
