import { ObjectStore } from './store';
import { ResourceRegistry, builtInResourceTypes } from './resources';
import { parseLabelSelector, compileObjectFilter } from './selectors';

function setup(historySize = 1000) {
  const registry = new ResourceRegistry(builtInResourceTypes());
  const store = new ObjectStore(registry, { historySize, now: () => 0 });
  const type = registry.resolve('pkgi');
  const create = (
    namespace: string,
    name: string,
    labels: Record<string, string> = {},
  ) =>
    store.create(
      type,
      { metadata: { name, namespace, labels }, spec: {} },
      { mode: 'seed' },
    );
  return { store, type, collection: store.collection(type), create };
}

const names = (items: { key: string }[]) => items.map(item => item.key);

describe('ResourceCollection.listPage', () => {
  it('lists in key order, within one namespace or across all', () => {
    const { collection, create } = setup();
    create('b', 'x');
    create('a-b', 'y');
    create('a', 'z');
    create('a', 'c');
    expect(names(collection.list())).toEqual(['a-b/y', 'a/c', 'a/z', 'b/x']);
    expect(names(collection.list('a'))).toEqual(['a/c', 'a/z']);
    expect(names(collection.list('missing'))).toEqual([]);
  });

  it('pages with limit and startAfter, reporting the remaining count', () => {
    const { collection, create } = setup();
    for (let i = 0; i < 5; i++) create('ns', `item-${i}`);
    create('other', 'item');
    const first = collection.listPage({ namespace: 'ns', limit: 2 });
    expect(first).toEqual(
      expect.objectContaining({
        continueAfter: 'ns/item-1',
        remainingItemCount: 3,
      }),
    );
    const second = collection.listPage({
      namespace: 'ns',
      limit: 2,
      startAfter: 'ns/item-1',
    });
    expect(second !== 'expired' && names(second.items)).toEqual([
      'ns/item-2',
      'ns/item-3',
    ]);
    const last = collection.listPage({
      namespace: 'ns',
      limit: 2,
      startAfter: 'ns/item-3',
    });
    expect(last).toEqual({
      items: [expect.objectContaining({ key: 'ns/item-4' })],
    });
  });

  it('applies the filter while paging and leaves the remaining count out', () => {
    const { collection, create } = setup();
    for (let i = 0; i < 6; i++)
      create('ns', `item-${i}`, { even: String(i % 2 === 0) });
    const filter = compileObjectFilter(parseLabelSelector('even=true'), []);
    const first = collection.listPage({ limit: 2, filter });
    if (first === 'expired') throw new Error('unexpected');
    expect(names(first.items)).toEqual(['ns/item-0', 'ns/item-2']);
    expect(first.continueAfter).toBe('ns/item-2');
    expect(first.remainingItemCount).toBeUndefined();
  });

  it('serves later pages from the snapshot of the first page', () => {
    const { store, type, collection, create } = setup();
    for (let i = 0; i < 4; i++) create('ns', `item-${i}`);
    const snapshot = store.revision;
    const first = collection.listPage({ limit: 2, revision: snapshot });
    if (first === 'expired') throw new Error('unexpected');

    store.delete(type, 'ns', 'item-2');
    create('ns', 'item-25');
    store.update(
      type,
      {
        metadata: {
          name: 'item-3',
          namespace: 'ns',
          labels: { changed: 'yes' },
        },
        spec: {},
      },
      { mode: 'seed' },
    );

    const rest = collection.listPage({
      revision: snapshot,
      startAfter: first.continueAfter,
    });
    if (rest === 'expired') throw new Error('unexpected');
    expect(names(rest.items)).toEqual(['ns/item-2', 'ns/item-3']);
    expect(rest.items[1].object.metadata).not.toHaveProperty('labels.changed');
    expect(names(collection.list())).toEqual([
      'ns/item-0',
      'ns/item-1',
      'ns/item-25',
      'ns/item-3',
    ]);
  });

  it('reports snapshots older than the kept history as expired', () => {
    const { store, collection, create } = setup(2);
    create('ns', 'a');
    const old = store.revision;
    create('ns', 'b');
    create('ns', 'c');
    create('ns', 'd');
    expect(collection.listPage({ revision: old })).toBe('expired');
    expect(collection.listPage({ revision: store.revision })).not.toBe(
      'expired',
    );
  });

  it('lists 2,000 objects in pages of 500 without rescanning', () => {
    const { collection, create } = setup();
    for (let i = 0; i < 2000; i++)
      create(`ns-${i % 20}`, `pkgi-${String(i).padStart(4, '0')}`);
    let startAfter: string | undefined;
    const pages: number[] = [];
    do {
      const page = collection.listPage({ limit: 500, startAfter });
      if (page === 'expired') throw new Error('unexpected');
      pages.push(page.items.length);
      startAfter = page.continueAfter;
    } while (startAfter);
    expect(pages).toEqual([500, 500, 500, 500]);
  });
});
