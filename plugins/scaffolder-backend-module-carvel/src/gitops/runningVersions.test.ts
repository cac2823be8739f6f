import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { readInstallLocations, RunningVersionsClient } from './runningVersions';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

async function startServer(handler: Handler) {
  const requests: Array<{ url?: string; authorization?: string }> = [];
  const server = http.createServer((req, res) => {
    requests.push({ url: req.url, authorization: req.headers.authorization });
    handler(req, res);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    requests,
    baseUrl: `http://127.0.0.1:${port}/api/carvel`,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const answer = {
  items: [
    {
      cluster: 'staging',
      namespace: 'apps',
      name: 'app',
      packageName: 'app.default.tap',
      constraints: '>=0.0.0',
      version: '1.1.0',
      status: 'succeeded',
      updatedAt: '2026-12-01T10:00:00Z',
    },
  ],
  clusterErrors: [
    {
      cluster: 'prod',
      error: { type: 'unreachable', message: 'connect ECONNREFUSED' },
    },
  ],
};

describe('RunningVersionsClient', () => {
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const clientFor = (
    baseUrl: string,
    options: { timeoutMs?: number; maxResponseBytes?: number } = {},
  ) =>
    new RunningVersionsClient({
      discovery: {
        getBaseUrl: async () => baseUrl,
        getExternalBaseUrl: async () => baseUrl,
      },
      auth: mockServices.auth(),
      ...options,
    });

  const ask = (client: RunningVersionsClient) =>
    client.listInstalls({
      packageName: 'app.default.tap',
      credentials: mockCredentials.user(),
    });

  it("asks GET /packages/:packageName/installs with a token on the initiator's behalf", async () => {
    server = await startServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(answer));
    });
    await expect(ask(clientFor(server.baseUrl))).resolves.toEqual(answer);
    expect(server.requests).toEqual([
      {
        url: '/api/carvel/packages/app.default.tap/installs',
        authorization: mockCredentials.service.header({
          onBehalfOf: mockCredentials.user(),
          targetPluginId: 'carvel',
        }),
      },
    ]);
  });

  it('says when the user may not read the clusters', async () => {
    server = await startServer((_req, res) => {
      res.statusCode = 403;
      res.end('{"error":{"name":"NotAllowedError"}}');
    });
    await expect(ask(clientFor(server.baseUrl))).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringContaining('carvel.clusters.read'),
    });
  });

  it('reads at most maxResponseBytes of an answer', async () => {
    server = await startServer((_req, res) => {
      res.write(`{"items":[${'"x",'.repeat(10_000)}`);
      res.end('"x"]}');
    });
    await expect(
      ask(clientFor(server.baseUrl, { maxResponseBytes: 1000 })),
    ).rejects.toThrow('at most 1000 are read');
  });

  it('gives up on a backend that does not answer', async () => {
    server = await startServer(() => {});
    await expect(
      ask(clientFor(server.baseUrl, { timeoutMs: 100 })),
    ).rejects.toThrow('no answer within 0.1 s');
  });

  it('names the status of any other failure without the token', async () => {
    server = await startServer((_req, res) => {
      res.statusCode = 500;
      res.end('boom');
    });
    const error = await ask(clientFor(server.baseUrl)).catch(e => e);
    expect(error.message).toContain('answered 500');
    expect(error.message).not.toContain('Bearer');
  });
});

describe('readInstallLocations', () => {
  it.each([
    ['no items', {}],
    ['an item without a cluster', { items: [{ name: 'app' }] }],
    [
      'a huge field',
      { items: [{ ...answer.items[0], cluster: 'x'.repeat(5000) }] },
    ],
    [
      'cluster errors that are not a list',
      { items: [], clusterErrors: 'prod' },
    ],
  ])('refuses an answer with %s', (_what, body) => {
    expect(() => readInstallLocations(body)).toThrow(
      'The carvel backend answered',
    );
  });

  it('reads stale items and truncations', () => {
    const body = {
      items: [{ ...answer.items[0], stale: true }],
      clusterErrors: [],
      truncated: [{ cluster: 'prod', omitted: 12 }],
    };
    expect(readInstallLocations(body)).toEqual(body);
    expect(() =>
      readInstallLocations({ ...body, truncated: [{ cluster: 'prod' }] }),
    ).toThrow('a truncation without cluster or count');
  });

  it('keeps only the known fields', () => {
    expect(
      readInstallLocations({
        items: [{ ...answer.items[0], secret: 'x' }],
      }),
    ).toEqual({ items: answer.items, clusterErrors: [] });
  });
});
