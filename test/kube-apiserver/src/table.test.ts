import { StoredObject } from './collection';
import {
  JsonObject,
  ResourceRegistry,
  builtInResourceTypes,
} from './resources';
import { columnDefinitionsFor, valueAtPath } from './printerColumns';
import { renderTable } from './table';

const registry = new ResourceRegistry(builtInResourceTypes());
const NOW = Date.parse('2024-05-01T12:00:00Z');

const stored = (object: JsonObject): StoredObject => ({
  key: 'k',
  namespace: 'apps',
  name: 'n',
  revision: 1,
  object,
  json: JSON.stringify(object),
});

const render = (
  resource: string,
  object: JsonObject,
  includeObject: 'None' | 'Metadata' | 'Object' = 'Metadata',
) =>
  renderTable(registry.resolve(resource), [stored(object)], {
    apiVersion: 'meta.k8s.io/v1',
    includeObject,
    listMetadata: { resourceVersion: '5' },
    now: NOW,
  }) as any;

const columnNames = (resource: string) =>
  columnDefinitionsFor(registry.resolve(resource)).map(c => c.name);

describe('renderTable', () => {
  it("uses kapp-controller's printer columns for PackageInstalls", () => {
    const table = render('pkgi', {
      metadata: {
        name: 'app',
        namespace: 'apps',
        creationTimestamp: '2024-05-01T11:55:00Z',
      },
      spec: { packageRef: { refName: 'app.tap' } },
      status: { version: '1.2.0', friendlyDescription: 'Reconcile succeeded' },
    });
    expect(columnNames('pkgi')).toEqual([
      'Name',
      'Package name',
      'Package version',
      'Description',
      'Age',
    ]);
    expect(table).toMatchObject({
      kind: 'Table',
      apiVersion: 'meta.k8s.io/v1',
      metadata: { resourceVersion: '5' },
    });
    expect(table.rows[0].cells).toEqual([
      'app',
      'app.tap',
      '1.2.0',
      'Reconcile succeeded',
      '5m',
    ]);
    expect(table.rows[0].object).toEqual({
      kind: 'PartialObjectMetadata',
      apiVersion: 'meta.k8s.io/v1',
      metadata: {
        name: 'app',
        namespace: 'apps',
        creationTimestamp: '2024-05-01T11:55:00Z',
      },
    });
  });

  it('leaves missing printer column values null', () => {
    const table = render('pkgi', { metadata: { name: 'new' }, spec: {} });
    expect(table.rows[0].cells).toEqual(['new', null, null, null, null]);
  });

  it('prints App, PackageRepository, Package and PackageMetadata columns', () => {
    expect(columnNames('apps')).toEqual([
      'Name',
      'Description',
      'Since-Deploy',
      'Age',
    ]);
    expect(
      render('apps', {
        metadata: { name: 'app', creationTimestamp: '2024-04-29T12:00:00Z' },
        status: {
          friendlyDescription: 'Reconcile failed: x',
          deploy: { startedAt: '2024-05-01T11:59:30Z' },
        },
      }).rows[0].cells,
    ).toEqual(['app', 'Reconcile failed: x', '30s', '2d']);
    expect(columnNames('pkgr')).toEqual(['Name', 'Age', 'Description']);
    expect(columnNames('pkg')).toEqual([
      'Name',
      'PackageMetadata Name',
      'Version',
      'Age',
    ]);
    expect(
      render('pkg', {
        metadata: {
          name: 'app.tap.1.0.0',
          creationTimestamp: '2024-05-01T10:58:57Z',
        },
        spec: { refName: 'app.tap', version: '1.0.0' },
      }).rows[0].cells,
    ).toEqual(['app.tap.1.0.0', 'app.tap', '1.0.0', '1h1m3s']);
    expect(
      render('pkgm', {
        metadata: {
          name: 'app.tap',
          creationTimestamp: '2024-05-01T12:00:00Z',
        },
        spec: {
          displayName: 'App',
          categories: ['web', 'demo'],
          shortDescription: 'x'.repeat(60),
        },
      }).rows[0].cells,
    ).toEqual(['app.tap', 'App', 'web,demo', `${'x'.repeat(47)}...`, '0s']);
  });

  it('prints built-in kinds like kubectl shows them', () => {
    expect(
      render('secrets', {
        metadata: { name: 's' },
        type: 'Opaque',
        data: { a: 'eA==', b: 'eQ==' },
      }).rows[0].cells.slice(0, 3),
    ).toEqual(['s', 'Opaque', 2]);
    expect(
      render('ns', {
        metadata: { name: 'apps' },
        status: { phase: 'Active' },
      }).rows[0].cells.slice(0, 2),
    ).toEqual(['apps', 'Active']);
    expect(columnNames('roles')).toEqual(['Name', 'Created At']);
    expect(
      render('rolebindings', {
        metadata: { name: 'rb' },
        roleRef: { kind: 'Role', name: 'r' },
      }).rows[0].cells.slice(0, 2),
    ).toEqual(['rb', 'Role/r']);
  });

  it('embeds the full object or nothing when asked', () => {
    const object = { metadata: { name: 'x' }, spec: { a: 1 } };
    expect(render('pkgi', object, 'Object').rows[0].object).toEqual(object);
    expect(render('pkgi', object, 'None').rows[0]).not.toHaveProperty('object');
  });

  it('survives malformed objects', () => {
    const table = render('pkgi', { spec: 'not an object' });
    expect(table.rows[0].cells).toEqual([null, null, null, null, null]);
  });
});

describe('valueAtPath', () => {
  it('walks nested objects', () => {
    expect(valueAtPath({ a: { b: { c: 1 } } }, '.a.b.c')).toBe(1);
    expect(valueAtPath({ a: 'text' }, '.a.b')).toBeUndefined();
  });
});
