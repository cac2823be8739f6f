import { systemClock } from './Clock';
import { ListGate } from './ListGate';
import type { ListPage } from './ResourceClient';
import { listResource, ListResourceOptions } from './ResourceLister';

interface Item {
  metadata: { name: string };
}

const item = (name: string) => ({ metadata: { name } });
const page = (
  names: string[],
  continueToken?: string,
  resourceVersion = '10',
): ListPage => ({
  items: names.map(item),
  continueToken,
  resourceVersion,
  droppedDeep: 0,
});

function options(
  listPage: ListResourceOptions<Item>['listPage'],
  overrides: Partial<ListResourceOptions<Item>> = {},
) {
  const released: string[] = [];
  const skipped: string[] = [];
  const result: ListResourceOptions<Item> = {
    plural: 'packageinstalls',
    paged: true,
    listPage,
    slim: raw => {
      const name = (raw as any)?.metadata?.name;
      if (name === 'throws') throw new TypeError('spec.x is not a string');
      return typeof name === 'string' ? { metadata: { name } } : undefined;
    },
    release: i => released.push(i.metadata.name),
    onSkipped: reason => skipped.push(reason),
    limits: {
      pageTimeoutMs: 1000,
      deadlineMs: 5000,
      maxPages: 5,
      maxObjects: 100,
    },
    clock: systemClock,
    signal: new AbortController().signal,
    ...overrides,
  };
  return { options: result, released, skipped };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('listResource', () => {
  it('follows continue tokens and returns every object with the last resourceVersion', async () => {
    const pages: Record<string, ListPage> = {
      first: page(['a', 'b'], 't1', '5'),
      t1: page(['c'], undefined, '6'),
    };
    const tokens: Array<string | undefined> = [];
    const { options: o } = options(async token => {
      tokens.push(token);
      return pages[token ?? 'first'];
    });
    const result = await listResource(o);
    expect([...result.items.values()].map(i => i.metadata.name)).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(result.resourceVersion).toBe('6');
    expect(tokens).toEqual([undefined, 't1']);
  });

  it('never pages an unpaged resource', async () => {
    const listPage = jest.fn(async () => page(['a'], 'ignored'));
    const { options: o } = options(listPage, { paged: false });
    await listResource(o);
    expect(listPage).toHaveBeenCalledTimes(1);
  });

  it('skips and reports objects slim cannot read, keeping the rest', async () => {
    const { options: o, skipped } = options(async () => ({
      ...page(['a', 'throws', 'b']),
      droppedDeep: 1,
    }));
    const result = await listResource(o);
    expect([...result.items.values()].map(i => i.metadata.name)).toEqual([
      'a',
      'b',
    ]);
    expect(skipped).toEqual([
      '1 of packageinstalls nested deeper than the limit',
      'packageinstalls throws: spec.x is not a string',
    ]);
  });

  it('stops at the page limit when every page carries a new continue token, releasing what it read', async () => {
    let n = 0;
    const listPage = jest.fn(async () => {
      n++;
      return page([`o${n}`], `token-${n}`);
    });
    const { options: o, released } = options(listPage);
    await expect(listResource(o)).rejects.toThrow(
      'list of packageinstalls exceeded 5 pages',
    );
    expect(listPage).toHaveBeenCalledTimes(5);
    expect(released).toEqual(['o1', 'o2', 'o3', 'o4', 'o5']);
  });

  it('detects a repeated continue token', async () => {
    const listPage = jest.fn(async () => page(['a'], 'same'));
    const { options: o } = options(listPage);
    await expect(listResource(o)).rejects.toThrow(
      'list of packageinstalls: continue token repeated after 2 pages',
    );
    expect(listPage).toHaveBeenCalledTimes(2);
  });

  it('stops at the object limit', async () => {
    const { options: o } = options(async () =>
      page(Array.from({ length: 101 }, (_, i) => `o${i}`)),
    );
    await expect(listResource(o)).rejects.toThrow(
      'list of packageinstalls exceeded 100 objects',
    );
  });

  it('gives a page that never answers its own deadline and aborts it', async () => {
    let signal: AbortSignal | undefined;
    const { options: o } = options(async (_token, s) => {
      signal = s;
      return new Promise<ListPage>(() => {});
    });
    const listed = listResource(o);
    const caught = listed.catch(e => e);
    await jest.advanceTimersByTimeAsync(1000);
    expect(await caught).toMatchObject({
      name: 'ClusterRequestTimeoutError',
      message: 'list of packageinstalls: no answer from the cluster within 1 s',
    });
    expect(signal?.aborted).toBe(true);
  });

  it('bounds the whole list, not only each page', async () => {
    let n = 0;
    const { options: o } = options(
      async () => {
        await new Promise(r => setTimeout(r, 900));
        n++;
        return page([`o${n}`], `token-${n}`);
      },
      {
        limits: {
          pageTimeoutMs: 1000,
          deadlineMs: 3000,
          maxPages: 100,
          maxObjects: 100,
        },
      },
    );
    const listed = listResource(o);
    const caught = listed.catch(e => e);
    await jest.advanceTimersByTimeAsync(3000);
    expect(await caught).toMatchObject({
      name: 'ClusterRequestTimeoutError',
      message: 'list of packageinstalls did not finish within 3 s',
    });
    expect(n).toBe(3);
  });

  it('starts over when the continue token expired (410), at most twice', async () => {
    const calls: Array<string | undefined> = [];
    const expired = Object.assign(new Error('Expired'), { code: 410 });
    const { options: o, released } = options(async token => {
      calls.push(token);
      if (token) throw expired;
      return page(['a'], 't');
    });
    await expect(listResource(o)).rejects.toBe(expired);
    expect(calls).toEqual([undefined, 't', undefined, 't', undefined, 't']);
    expect(released).toEqual(['a', 'a', 'a']);
  });

  it('stops when the watcher stops', async () => {
    const controller = new AbortController();
    const { options: o } = options(() => new Promise<ListPage>(() => {}), {
      signal: controller.signal,
    });
    const listed = listResource(o);
    controller.abort(new Error('stopped'));
    await expect(listed).rejects.toThrow('stopped');
  });
});

describe('listResource behind a request gate', () => {
  it('starts a page deadline only once the gate lets the request out', async () => {
    const gate = new ListGate(1);
    let releaseOther!: () => void;
    const other = gate.run(
      () => new Promise<void>(resolve => (releaseOther = resolve)),
    );
    const { options: o } = options(async () => page(['a']), {
      requestGate: gate,
    });
    const listed = listResource(o);
    await jest.advanceTimersByTimeAsync(3000);
    releaseOther();
    await other;
    const result = await listed;
    expect([...result.items.values()].map(i => i.metadata.name)).toEqual(['a']);
  });
});
