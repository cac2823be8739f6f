import { StoredEvent } from '../collection';
import { ApiError, Status } from '../errors';
import {
  JsonObject,
  ResourceRegistry,
  builtInResourceTypes,
} from '../resources';
import { ObjectStore } from '../store';

export const NOW = Date.parse('2024-05-01T12:00:00Z');

/** A store with an `apps` namespace, recording the PackageInstall events, and a clock tests can move. */
export function setupStore() {
  const registry = new ResourceRegistry(builtInResourceTypes());
  let now = NOW;
  const store = new ObjectStore(registry, {
    historySize: 100,
    now: () => now,
  });
  const pkgi = registry.resolve('pkgi');
  const events: StoredEvent[] = [];
  store.collection(pkgi).subscribe(event => events.push(event));
  store.create(
    registry.resolve('ns'),
    { metadata: { name: 'apps' } },
    { mode: 'seed' },
  );
  return {
    store,
    registry,
    pkgi,
    events,
    advanceClock: (ms: number) => {
      now += ms;
    },
  };
}

/** The Status of the ApiError `action` throws. */
export function statusOf(action: () => unknown): Status {
  try {
    action();
  } catch (error) {
    if (error instanceof ApiError) return error.status;
    throw error;
  }
  throw new Error('expected an ApiError');
}

export const packageInstall = (fields: JsonObject = {}): JsonObject => ({
  apiVersion: 'packaging.carvel.dev/v1alpha1',
  kind: 'PackageInstall',
  metadata: { name: 'app', namespace: 'apps' },
  spec: { packageRef: { refName: 'app.tap' } },
  ...fields,
});

export const metadata = (object: JsonObject) => object.metadata as JsonObject;
