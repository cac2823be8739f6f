import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { StoredEvent, StoredObject } from './collection';
import { ResourceRegistry, builtInResourceTypes } from './resources';
import { compileObjectFilter, parseLabelSelector } from './selectors';
import { ObjectStore } from './store';
import { WatchRequest, WatchSession, visibleEvent } from './watch';

const stored = (labels: Record<string, string>, revision = 1): StoredObject => {
  const object = {
    metadata: {
      name: 'a',
      namespace: 'ns',
      labels,
      resourceVersion: String(revision),
    },
  };
  return {
    key: 'ns/a',
    namespace: 'ns',
    name: 'a',
    revision,
    object,
    json: JSON.stringify(object),
  };
};

describe('visibleEvent', () => {
  const matches = (s: StoredObject) =>
    (s.object.metadata as any).labels.app === 'web';
  const web = stored({ app: 'web' });
  const api = stored({ app: 'api' });
  const event = (
    type: StoredEvent['type'],
    object: StoredObject,
    previous?: StoredObject,
  ): StoredEvent => ({
    type,
    revision: object.revision,
    object,
    previous,
  });

  it.each([
    ['ADDED matching', event('ADDED', web), 'ADDED'],
    ['ADDED not matching', event('ADDED', api), undefined],
    ['MODIFIED still matching', event('MODIFIED', web, web), 'MODIFIED'],
    ['MODIFIED into the selection', event('MODIFIED', web, api), 'ADDED'],
    ['MODIFIED out of the selection', event('MODIFIED', api, web), 'DELETED'],
    ['MODIFIED never matching', event('MODIFIED', api, api), undefined],
    ['DELETED matching', event('DELETED', web, web), 'DELETED'],
    ['DELETED not matching', event('DELETED', api, api), undefined],
  ])('%s', (_, input, expected) => {
    expect(visibleEvent(input, matches)?.type).toBe(expected);
  });
});

class FakeResponse extends EventEmitter {
  readonly lines: any[] = [];
  status = 0;
  ended = false;
  destroyed = false;
  socket = {
    destroy: () => {
      this.destroyed = true;
      this.emit('close');
    },
  };
  writeHead(status: number) {
    this.status = status;
    return this;
  }
  flushHeaders() {}
  write(chunk: string) {
    chunk
      .split('\n')
      .filter(Boolean)
      .forEach(line => this.lines.push(JSON.parse(line)));
    return true;
  }
  end() {
    this.ended = true;
    this.emit('close');
  }
}

function setup() {
  const registry = new ResourceRegistry(builtInResourceTypes());
  const store = new ObjectStore(registry, { historySize: 3 });
  const type = registry.resolve('pkgi');
  const put = (name: string, labels: Record<string, string> = {}) =>
    store.get(type, 'apps', name)
      ? store.update(
          type,
          { metadata: { name, namespace: 'apps', labels }, spec: {} },
          { mode: 'seed' },
        )
      : store.create(
          type,
          { metadata: { name, namespace: 'apps', labels }, spec: {} },
          { mode: 'seed' },
        );
  const closed: WatchSession[] = [];
  const open = (fields: Partial<WatchRequest>) => {
    const response = new FakeResponse();
    const session = new WatchSession(
      response as unknown as ServerResponse,
      {
        collection: store.collection(type),
        type,
        sendInitialEvents: false,
        allowBookmarks: false,
        bookmarkIntervalMs: 1000,
        currentRevision: () => store.revision,
        encodeObject: s => s.json,
        ...fields,
      },
      s => closed.push(s),
    );
    session.start();
    return { response, session };
  };
  return { store, type, put, open, closed };
}

const summary = (lines: any[]) =>
  lines.map(l => `${l.type} ${l.object.metadata?.name ?? l.object.code}`);

describe('WatchSession', () => {
  it('starts with the current state when no resourceVersion is given, then streams changes', () => {
    const { put, open, store, type } = setup();
    put('a');
    const { response } = open({ resourceVersion: '' });
    put('b');
    put('a', { changed: 'yes' });
    store.delete(type, 'apps', 'b');
    expect(response.status).toBe(200);
    expect(summary(response.lines)).toEqual([
      'ADDED a',
      'ADDED b',
      'MODIFIED a',
      'DELETED b',
    ]);
  });

  it('replays the events after the given resourceVersion', () => {
    const { put, open } = setup();
    put('a');
    const after = put('b').revision;
    put('c');
    put('a', { x: 'y' });
    const { response } = open({ resourceVersion: String(after) });
    expect(summary(response.lines)).toEqual(['ADDED c', 'MODIFIED a']);
  });

  it('answers a resourceVersion older than the history with an ERROR 410 Expired event and ends', () => {
    const { put, open, closed } = setup();
    const old = put('a').revision;
    put('b');
    put('c');
    put('d');
    put('e');
    const { response, session } = open({ resourceVersion: String(old) });
    expect(response.lines).toEqual([
      {
        type: 'ERROR',
        object: {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: expect.stringMatching(
            /^too old resource version: \d+ \(\d+\)$/,
          ),
          reason: 'Expired',
          code: 410,
        },
      },
    ]);
    expect(response.ended).toBe(true);
    expect(closed).toEqual([session]);
  });

  it('applies label selectors, turning selection changes into ADDED and DELETED', () => {
    const { put, open } = setup();
    const filter = compileObjectFilter(parseLabelSelector('app=web'), []);
    const { response } = open({ resourceVersion: '0', filter });
    put('a', { app: 'api' });
    put('a', { app: 'web' });
    put('a', { app: 'web', more: 'x' });
    put('a', { app: 'api' });
    expect(summary(response.lines)).toEqual([
      'ADDED a',
      'MODIFIED a',
      'DELETED a',
    ]);
  });

  it('sends bookmarks, ends at timeoutSeconds and signals the end of initial events', () => {
    jest.useFakeTimers();
    try {
      const { put, open, store } = setup();
      put('a');
      const { response } = open({
        resourceVersion: '',
        sendInitialEvents: true,
        allowBookmarks: true,
        timeoutSeconds: 3,
      });
      expect(response.lines[1]).toEqual({
        type: 'BOOKMARK',
        object: {
          kind: 'PackageInstall',
          apiVersion: 'packaging.carvel.dev/v1alpha1',
          metadata: {
            resourceVersion: String(store.revision),
            creationTimestamp: null,
            annotations: { 'k8s.io/initial-events-end': 'true' },
          },
        },
      });
      jest.advanceTimersByTime(1000);
      expect(response.lines.map(l => l.type)).toEqual([
        'ADDED',
        'BOOKMARK',
        'BOOKMARK',
      ]);
      expect(response.ended).toBe(false);
      jest.advanceTimersByTime(2000);
      expect(response.ended).toBe(true);
      const count = response.lines.length;
      put('b');
      jest.advanceTimersByTime(5000);
      expect(response.lines.length).toBe(count);
    } finally {
      jest.useRealTimers();
    }
  });

  it('stops receiving events when dropped', () => {
    const { put, open, store, type } = setup();
    const { response, session } = open({ resourceVersion: '' });
    session.drop();
    put('a');
    expect(response.destroyed).toBe(true);
    expect(response.lines).toEqual([]);
    expect(store.collection(type).watcherCount).toBe(0);
  });
});
