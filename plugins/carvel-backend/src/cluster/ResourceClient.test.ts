import { kubeConfigFor } from './kubeConfigFor';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { KubeHttpError, kubeRequestFor } from './kubeRequest';
import { parseListPage, resourceClientFor } from './ResourceClient';

const resource = {
  group: 'packaging.carvel.dev',
  version: 'v1alpha1',
  plural: 'packageinstalls',
  paged: true,
};
const settings = {
  pageSize: 2,
  listPageBytes: 1024,
  objectDepth: 8,
  watchSeconds: 60,
};

let server: http.Server;
let handler: http.RequestListener;
const seen: http.IncomingMessage[] = [];
const openSockets = new Set<import('node:net').Socket>();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push(req);
    handler(req, res);
  });
  server.on('connection', socket => {
    openSockets.add(socket);
    socket.on('close', () => openSockets.delete(socket));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
});
afterAll(() => new Promise(resolve => server.close(resolve)));
afterEach(() => {
  seen.splice(0);
  server.closeAllConnections();
});

function client() {
  const kubeConfig = kubeConfigFor({
    name: 'c',
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    serviceAccountToken: 'secret-token',
    skipTLSVerify: true,
  });
  return resourceClientFor(kubeRequestFor(kubeConfig), resource, settings);
}

const never = new AbortController().signal;

describe('resourceClientFor over HTTP', () => {
  it('lists a page with the credentials and paging parameters', async () => {
    handler = (_req, res) =>
      res.end(
        JSON.stringify({
          metadata: { continue: 'next', resourceVersion: '7' },
          items: [{ metadata: { name: 'a' } }],
        }),
      );
    const page = await client().listPage('token-1', never);
    expect(page).toEqual({
      items: [{ metadata: { name: 'a' } }],
      continueToken: 'next',
      resourceVersion: '7',
      droppedDeep: 0,
    });
    expect(seen[0].headers.authorization).toBe('Bearer secret-token');
    expect(seen[0].url).toBe(
      '/apis/packaging.carvel.dev/v1alpha1/packageinstalls?limit=2&continue=token-1',
    );
  });

  it('refuses a page larger than the limit', async () => {
    handler = (_req, res) => res.end(`{"items":[${'1,'.repeat(1000)}1]}`);
    await expect(client().listPage(undefined, never)).rejects.toThrow(
      'list page of packageinstalls exceeded 1 KiB',
    );
  });

  it('drops an item nested deeper than the limit and keeps the rest', async () => {
    handler = (_req, res) =>
      res.end(
        `{"items":[{"metadata":{"name":"a"}},${'['.repeat(50)}${']'.repeat(
          50,
        )}]}`,
      );
    const page = await client().listPage(undefined, never);
    expect(page.items).toEqual([{ metadata: { name: 'a' } }, null]);
    expect(page.droppedDeep).toBe(1);
  });

  it('turns an error status into a KubeHttpError with the Status body', async () => {
    handler = (_req, res) => {
      res.statusCode = 403;
      res.end(JSON.stringify({ kind: 'Status', message: 'cannot list' }));
    };
    const error = await client()
      .listPage(undefined, never)
      .catch(e => e);
    expect(error).toBeInstanceOf(KubeHttpError);
    expect(error).toMatchObject({
      code: 403,
      body: { message: 'cannot list' },
    });
  });

  it('opens a watch and closes its socket when aborted', async () => {
    handler = (_req, res) => {
      res.write('{"type":"ADDED","object":{}}\n');
    };
    const controller = new AbortController();
    const stream = await client().openWatch('5', controller.signal);
    expect(seen[0].url).toContain('watch=true&resourceVersion=5');
    const iterator = stream[Symbol.asyncIterator]();
    expect(String((await iterator.next()).value)).toContain('ADDED');
    expect(openSockets.size).toBe(1);
    controller.abort(new Error('stopped'));
    await expect(iterator.next()).rejects.toThrow();
    await new Promise(r => setTimeout(r, 50));
    expect(openSockets.size).toBe(0);
  });

  it('aborts a watch whose server never sends headers', async () => {
    handler = () => {};
    const controller = new AbortController();
    const opened = client().openWatch(undefined, controller.signal);
    await new Promise(r => setTimeout(r, 50));
    controller.abort(new Error('no headers'));
    await expect(opened).rejects.toThrow('no headers');
    await new Promise(r => setTimeout(r, 50));
    expect(openSockets.size).toBe(0);
  });
});

describe('parseListPage', () => {
  const parse = (text: string, depth = 8) =>
    parseListPage(Buffer.from(text), 'apps', depth);

  it('reads the same page item by item as a whole parse would', () => {
    const body = {
      kind: 'AppList',
      metadata: { continue: 'next', resourceVersion: '9' },
      items: [
        { metadata: { name: 'a', annotations: { note: 'ü "}]' } } },
        { metadata: { name: 'b' }, spec: { deep: { deeper: {} } } },
      ],
    };
    expect(parse(JSON.stringify(body, null, 1))).toEqual({
      items: body.items,
      continueToken: 'next',
      resourceVersion: '9',
      droppedDeep: 0,
    });
  });

  it('drops items nested deeper than the limit, item by item or whole', () => {
    const page = '{"items":[{"a":{"b":{"c":{}}}},{"a":1}]}';
    expect(parse(page, 3)).toMatchObject({
      items: [null, { a: 1 }],
      droppedDeep: 1,
    });
    const unusual = '{"items":[{"a":{"b":{"c":{}}}},{"a":1},"x"]}';
    expect(parse(unusual, 3)).toMatchObject({
      items: [null, { a: 1 }, 'x'],
      droppedDeep: 1,
    });
  });

  it.each([
    '{"items":[{"a":}]}',
    '{"items":[{}],"metadata":{"continue":}',
    '{"items":[{}',
  ])('refuses invalid JSON: %s', text => {
    expect(() => parse(text)).toThrow('list page of apps is not valid JSON');
  });
});
