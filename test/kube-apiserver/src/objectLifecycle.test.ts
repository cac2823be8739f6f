import { StoredObject } from './collection';
import {
  completesDeletion,
  identityForCreate,
  isUnchanged,
  objectForCreate,
  objectForUpdate,
  objectMarkedForDeletion,
} from './objectLifecycle';
import {
  JsonObject,
  ResourceRegistry,
  builtInResourceTypes,
} from './resources';

const registry = new ResourceRegistry(builtInResourceTypes());
const pkgi = registry.resolve('pkgi');
const configMap = registry.resolve('cm');
const NOW = Date.parse('2024-05-01T12:00:00Z');

const stored = (object: JsonObject, revision = 7): StoredObject => {
  const withVersion = {
    ...object,
    metadata: {
      ...(object.metadata as JsonObject),
      resourceVersion: String(revision),
    },
  };
  return {
    key: 'k',
    namespace: 'apps',
    name: 'app',
    revision,
    object: withVersion,
    json: JSON.stringify(withVersion),
  };
};

describe('identityForCreate', () => {
  it('takes the namespace from the URL, then the body, then default', () => {
    expect(
      identityForCreate(pkgi, { metadata: { name: 'a' } }, 'api', 'apps'),
    ).toEqual({ name: 'a', namespace: 'apps' });
    expect(
      identityForCreate(
        pkgi,
        { metadata: { name: 'a', namespace: 'x' } },
        'seed',
        undefined,
      ),
    ).toEqual({ name: 'a', namespace: 'x' });
    expect(
      identityForCreate(pkgi, { metadata: { name: 'a' } }, 'seed', undefined),
    ).toEqual({ name: 'a', namespace: 'default' });
    expect(
      identityForCreate(
        registry.resolve('ns'),
        { metadata: { name: 'n' } },
        'api',
        undefined,
      ),
    ).toEqual({ name: 'n' });
  });
});

describe('objectForCreate', () => {
  it('orders fields like the API server and gives namespaces their defaults', () => {
    const namespace = objectForCreate(
      registry.resolve('ns'),
      { metadata: { labels: { a: 'b' } } },
      { mode: 'api', name: 'apps', now: NOW },
    );
    expect(Object.keys(namespace)).toEqual([
      'apiVersion',
      'kind',
      'metadata',
      'spec',
      'status',
    ]);
    expect(Object.keys(namespace.metadata as JsonObject)).toEqual([
      'name',
      'uid',
      'creationTimestamp',
      'labels',
    ]);
    expect(namespace).toMatchObject({
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
  });

  it('gives generation only to kinds that track it', () => {
    expect(
      (
        objectForCreate(
          configMap,
          {},
          { mode: 'api', name: 'c', namespace: 'a', now: NOW },
        ).metadata as JsonObject
      ).generation,
    ).toBeUndefined();
    expect(
      (
        objectForCreate(
          pkgi,
          {},
          { mode: 'api', name: 'p', namespace: 'a', now: NOW },
        ).metadata as JsonObject
      ).generation,
    ).toBe(1);
  });
});

describe('objectForUpdate', () => {
  const current = {
    apiVersion: 'packaging.carvel.dev/v1alpha1',
    kind: 'PackageInstall',
    metadata: { name: 'app', uid: 'u', generation: 4 },
    spec: { a: 1 },
    status: { s: 1 },
  };

  it('keeps server-managed metadata and status, bumping generation for spec changes only', () => {
    const next = objectForUpdate(pkgi, current, {
      metadata: {
        name: 'app',
        uid: 'forged',
        generation: 99,
        labels: { l: 'v' },
      },
      spec: { a: 2 },
      status: { s: 2 },
    });
    expect(next).toEqual({
      ...current,
      metadata: { name: 'app', uid: 'u', generation: 5, labels: { l: 'v' } },
      spec: { a: 2 },
    });
    expect(
      (
        objectForUpdate(pkgi, current, {
          ...current,
          metadata: { name: 'app', labels: { x: 'y' } },
        }).metadata as JsonObject
      ).generation,
    ).toBe(4);
  });

  it('replaces status of kinds without a status subresource', () => {
    expect(
      objectForUpdate(
        configMap,
        { metadata: { name: 'c' }, status: 1 },
        { metadata: { name: 'c' }, status: 2 },
      ).status,
    ).toBe(2);
  });
});

describe('deletion helpers', () => {
  it('marks for deletion with a timestamp and a generation bump', () => {
    expect(
      objectMarkedForDeletion(
        pkgi,
        { metadata: { name: 'a', generation: 2, finalizers: ['f'] } },
        NOW,
      ).metadata,
    ).toEqual({
      name: 'a',
      generation: 3,
      deletionTimestamp: '2024-05-01T12:00:00Z',
      deletionGracePeriodSeconds: 0,
      finalizers: ['f'],
    });
  });

  it('completes deletion when the last finalizer of a deleting object goes', () => {
    expect(
      completesDeletion({
        metadata: { deletionTimestamp: 't', finalizers: [] },
      }),
    ).toBe(true);
    expect(
      completesDeletion({
        metadata: { deletionTimestamp: 't', finalizers: ['f'] },
      }),
    ).toBe(false);
    expect(completesDeletion({ metadata: { finalizers: [] } })).toBe(false);
  });
});

describe('isUnchanged', () => {
  it('compares everything but the resourceVersion', () => {
    const existing = stored({ metadata: { name: 'app' }, spec: { a: 1 } });
    expect(
      isUnchanged(
        { metadata: { name: 'app', resourceVersion: '1' }, spec: { a: 1 } },
        existing,
      ),
    ).toBe(true);
    expect(
      isUnchanged({ metadata: { name: 'app' }, spec: { a: 2 } }, existing),
    ).toBe(false);
  });
});
