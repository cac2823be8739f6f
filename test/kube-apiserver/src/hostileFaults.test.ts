import { Agent, request as httpsRequest } from 'node:https';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { KubeApiServer, startKubeApiServer } from './index';
import { apiRequest, openWatch, waitUntil } from './testing/apiClient';

const PKGI = '/apis/packaging.carvel.dev/v1alpha1/packageinstalls';

let cluster: KubeApiServer;

beforeEach(async () => {
  cluster = await startKubeApiServer();
  for (const name of ['a', 'b', 'c']) {
    cluster.store.create({
      apiVersion: 'packaging.carvel.dev/v1alpha1',
      kind: 'PackageInstall',
      metadata: { name, namespace: 'apps' },
      spec: { packageRef: { refName: 'app.tap' } },
    });
  }
});

afterEach(() => cluster.close());

/** A raw GET whose response (if any) the test reads itself. */
function rawGet(path: string): {
  request: ClientRequest;
  response: Promise<IncomingMessage>;
} {
  const request = httpsRequest(`${cluster.url}${path}`, {
    ca: cluster.caData,
    agent: new Agent({ keepAlive: false, ca: cluster.caData }),
    headers: { Authorization: `Bearer ${cluster.token}` },
  });
  const response = new Promise<IncomingMessage>((resolve, reject) => {
    request.on('response', resolve);
    request.on('error', reject);
  });
  request.end();
  return { request, response };
}

/** Follows `continue` tokens for `pages` pages and returns every page body. */
async function followPages(pages: number): Promise<any[]> {
  const bodies: any[] = [];
  let token: string | undefined;
  for (let i = 0; i < pages; i++) {
    const query = `?limit=2${
      token ? `&continue=${encodeURIComponent(token)}` : ''
    }`;
    const body = (await apiRequest(cluster, 'GET', `${PKGI}${query}`)).json();
    bodies.push(body);
    token = body.metadata.continue;
  }
  return bodies;
}

function depthOf(value: unknown): number {
  let depth = 0;
  let current: any = value;
  while (current && typeof current === 'object') {
    depth++;
    current = current.nested;
  }
  return depth;
}

describe('hostile watches', () => {
  it('streams one endless line until the client goes away', async () => {
    cluster.faults.setHostileWatch('pkgi', { kind: 'endless-line' });
    const { request, response } = rawGet(`${PKGI}?watch=true`);
    const res = await response;
    expect(res.statusCode).toBe(200);
    let received = 0;
    let newlines = 0;
    await new Promise<void>(resolve => {
      res.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (chunk.includes(10)) newlines++;
        if (received >= 4 * 1024 * 1024) resolve();
      });
    });
    expect(newlines).toBe(0);
    expect(cluster.openWatchCount).toBe(1);
    request.destroy();
    await waitUntil(() => cluster.openWatchCount === 0);
    expect(cluster.requests.count({ verb: 'watch' })).toBe(1);
  });

  it('sends no response headers, holding the connection until the client gives up', async () => {
    cluster.faults.setHostileWatch('packageinstalls', { kind: 'no-headers' });
    const { request, response } = rawGet(`${PKGI}?watch=true`);
    const answered = jest.fn();
    response.then(answered, () => {});
    await waitUntil(() => cluster.openWatchCount === 1);
    await new Promise(r => setTimeout(r, 300));
    expect(answered).not.toHaveBeenCalled();
    request.destroy();
    await waitUntil(() => cluster.openWatchCount === 0);
  });

  it('lets faults drop a watch that never answered, and lists stay normal', async () => {
    cluster.faults.setHostileWatch('pkgi', { kind: 'no-headers' });
    const { response } = rawGet(`${PKGI}?watch=true`);
    await waitUntil(() => cluster.openWatchCount === 1);
    expect((await apiRequest(cluster, 'GET', PKGI)).json().items).toHaveLength(
      3,
    );
    expect(cluster.faults.dropWatchConnections()).toBe(1);
    await expect(response).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(cluster.openWatchCount).toBe(0);
  });

  it('watches normally again once turned off or cleared', async () => {
    cluster.faults.setHostileWatch('pkgi', { kind: 'endless-line' });
    cluster.faults.setHostileWatch('pkgi', undefined);
    const watch = await openWatch(cluster, `${PKGI}?watch=true`);
    expect((await watch.waitForEvents(3)).map(e => e.type)).toEqual([
      'ADDED',
      'ADDED',
      'ADDED',
    ]);
    watch.close();
    cluster.faults.setHostileWatch('pkgi', { kind: 'no-headers' });
    await cluster.faults.clear();
    const again = await openWatch(cluster, `${PKGI}?watch=true`);
    expect(again.status).toBe(200);
    await again.waitForEvents(3);
    again.close();
  });
});

describe('hostile lists', () => {
  it('serves endless pages, each with a new continue token and renamed items', async () => {
    cluster.faults.setHostileList('pkgi', { kind: 'endless-pages' });
    const bodies = await followPages(6);
    const tokens = bodies.map(body => body.metadata.continue);
    expect(new Set(tokens).size).toBe(6);
    expect(bodies[0].items.map((item: any) => item.metadata.name)).toEqual([
      'a',
      'b',
    ]);
    expect(bodies[5].items.map((item: any) => item.metadata.name)).toEqual([
      'a-page-6',
      'b-page-6',
    ]);
    expect(cluster.requests.count({ verb: 'list' })).toBe(6);
  });

  it('repeats the same continue token on every page', async () => {
    cluster.faults.setHostileList('pkgi', { kind: 'repeated-continue' });
    const bodies = await followPages(3);
    expect(bodies[0].metadata.continue).toEqual(expect.any(String));
    expect(bodies.map(body => body.metadata.continue)).toEqual([
      bodies[0].metadata.continue,
      bodies[0].metadata.continue,
      bodies[0].metadata.continue,
    ]);
    expect(bodies[2].items).toEqual(bodies[0].items);
  });

  it('serves one huge page that ignores the limit', async () => {
    cluster.faults.setHostileList('pkgi', {
      kind: 'huge-page',
      objects: 3000,
      bytesPerObject: 1000,
    });
    const response = await apiRequest(cluster, 'GET', `${PKGI}?limit=500`);
    expect(response.text.length).toBeGreaterThan(3000 * 1000);
    const body = response.json();
    expect(body).toMatchObject({
      kind: 'PackageInstallList',
      apiVersion: 'packaging.carvel.dev/v1alpha1',
    });
    expect(body.metadata.continue).toBeUndefined();
    expect(body.items).toHaveLength(3000);
    expect(new Set(body.items.map((i: any) => i.metadata.name)).size).toBe(
      3000,
    );
    expect(body.items[2999]).toMatchObject({
      metadata: { name: 'huge-3000', namespace: 'apps' },
      spec: { packageRef: { refName: 'app.tap' } },
    });
    expect(
      body.items[0].metadata.annotations['hostile.test/padding'],
    ).toHaveLength(1000);
  });

  it('lists normally again once cleared', async () => {
    cluster.faults.setHostileList('pkgi', { kind: 'repeated-continue' });
    await cluster.faults.clear();
    const body = (await apiRequest(cluster, 'GET', PKGI)).json();
    expect(body.items).toHaveLength(3);
    expect(body.metadata.continue).toBeUndefined();
  });
});

describe('deeply nested objects', () => {
  it('serves an object nested 10,000 levels deep in lists and watches', async () => {
    const handle = cluster.faults.insertDeeplyNestedObject(
      'pkgi',
      {
        apiVersion: 'packaging.carvel.dev/v1alpha1',
        kind: 'PackageInstall',
        metadata: { name: 'deep', namespace: 'apps' },
        spec: { packageRef: { refName: 'app.tap' } },
      },
      { depth: 10_000, path: ['spec', 'values'] },
    );
    const items = (await apiRequest(cluster, 'GET', PKGI)).json().items;
    const deep = items.find((item: any) => item.metadata.name === 'deep');
    expect(deep.spec.packageRef).toEqual({ refName: 'app.tap' });
    expect(depthOf(deep.spec.values)).toBe(10_001);
    const watch = await openWatch(cluster, `${PKGI}?watch=true`);
    const events = await watch.waitForEvents(4);
    const watched = events.find(e => e.object.metadata.name === 'deep');
    expect(depthOf(watched!.object.spec.values)).toBe(10_001);
    handle.remove();
    await watch.waitForEvents(5);
    expect(watch.events[4]).toMatchObject({
      type: 'DELETED',
      object: { metadata: { name: 'deep' } },
    });
    watch.close();
  });
});
