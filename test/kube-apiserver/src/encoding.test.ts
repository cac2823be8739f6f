import { StoredObject } from './collection';
import {
  encodeList,
  encodeObject,
  joinInChunks,
  parseIncludeObject,
} from './encoding';
import {
  JsonObject,
  ResourceRegistry,
  builtInResourceTypes,
} from './resources';

const registry = new ResourceRegistry(builtInResourceTypes());
const stored = (object: JsonObject): StoredObject => ({
  key: 'k',
  namespace: 'a',
  name: 'n',
  revision: 3,
  object,
  json: JSON.stringify(object),
});
const context = (resource: string, format: any) => ({
  type: registry.resolve(resource),
  format,
  includeObject: parseIncludeObject(null),
  now: 0,
});

describe('encoding', () => {
  const secret = stored({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 's' },
    type: 'Opaque',
  });
  const pkgi = stored({
    apiVersion: 'packaging.carvel.dev/v1alpha1',
    kind: 'PackageInstall',
    metadata: { name: 'p' },
  });

  it('lists built-in items without kind and apiVersion, CRD items with them', () => {
    expect(
      JSON.parse(
        encodeList(context('secrets', { kind: 'object' }), [secret], {
          resourceVersion: '3',
        }).join(''),
      ),
    ).toEqual({
      kind: 'SecretList',
      apiVersion: 'v1',
      metadata: { resourceVersion: '3' },
      items: [{ metadata: { name: 's' }, type: 'Opaque' }],
    });
    expect(
      JSON.parse(
        encodeList(context('pkgi', { kind: 'object' }), [pkgi], {}).join(''),
      ).items[0].kind,
    ).toBe('PackageInstall');
  });

  it('encodes metadata-only lists and objects', () => {
    const format = { kind: 'metadata', apiVersion: 'meta.k8s.io/v1' };
    expect(
      JSON.parse(encodeList(context('pkgi', format), [pkgi], {}).join(''))
        .items,
    ).toEqual([
      {
        kind: 'PartialObjectMetadata',
        apiVersion: 'meta.k8s.io/v1',
        metadata: { name: 'p' },
      },
    ]);
    expect(JSON.parse(encodeObject(context('pkgi', format), pkgi)).kind).toBe(
      'PartialObjectMetadata',
    );
    expect(encodeObject(context('pkgi', { kind: 'object' }), pkgi)).toBe(
      pkgi.json,
    );
  });

  it('reads includeObject', () => {
    expect([
      parseIncludeObject('Object'),
      parseIncludeObject('None'),
      parseIncludeObject('bogus'),
    ]).toEqual(['Object', 'None', 'Metadata']);
  });

  it('joins items in pieces that together are the whole body', () => {
    const items = Array.from(
      { length: 300 },
      (_, index) => `{"name":"é-${index}","pad":"${'x'.repeat(1000)}"}`,
    );
    const chunks = joinInChunks('{"items":[', items, ']}');
    expect(chunks.join('')).toBe(`{"items":[${items.join(',')}]}`);
    expect(chunks.length).toBeGreaterThan(1);
    expect(Math.max(...chunks.map(chunk => chunk.length))).toBeLessThanOrEqual(
      64 * 1024,
    );
    expect(joinInChunks('{"items":[', [], ']}')).toEqual(['{"items":[]}']);
    expect(joinInChunks('[', ['a'.repeat(70_000)], ']').join('')).toBe(
      `[${'a'.repeat(70_000)}]`,
    );
  });
});
