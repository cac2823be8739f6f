import {
  ResourceCollection,
  StoredEvent,
  StoredObject,
  objectKey,
} from './collection';
import { ApiError, alreadyExists, badRequest, notFound } from './errors';
import {
  DeletePreconditions,
  WriteMode,
  checkDeletePreconditions,
  checkUpdatePrecondition,
  completesDeletion,
  identityForCreate,
  isUnchanged,
  objectForCreate,
  objectForStatusUpdate,
  objectForUpdate,
  objectMarkedForDeletion,
} from './objectLifecycle';
import { finalizersOf, metadataOf, stringField } from './objectMeta';
import {
  JsonObject,
  ResourceRegistry,
  ResourceType,
  isJsonObject,
} from './resources';

export type { DeletePreconditions, WriteMode } from './objectLifecycle';

export interface WriteOptions {
  mode: WriteMode;
  /** The namespace from the request URL. */
  namespace?: string;
  /** The name from the request URL (updates). */
  name?: string;
}

export interface DeleteResult {
  object: StoredObject;
  /** False when finalizers keep the object: it now has a deletionTimestamp. */
  removed: boolean;
}

export interface ObjectStoreOptions {
  historySize: number;
  now?: () => number;
}

/** All objects of one simulated cluster, with Kubernetes write semantics and a global revision counter. */
export class ObjectStore {
  private revisionCounter = 0;
  private readonly collections = new Map<ResourceType, ResourceCollection>();
  private readonly now: () => number;
  private malformedCounter = 0;

  constructor(
    readonly registry: ResourceRegistry,
    options: ObjectStoreOptions,
  ) {
    this.now = options.now ?? Date.now;
    for (const type of registry.types) {
      this.collections.set(
        type,
        new ResourceCollection(type, options.historySize, 0),
      );
    }
  }

  get revision(): number {
    return this.revisionCounter;
  }

  collection(type: ResourceType): ResourceCollection {
    const collection = this.collections.get(type);
    if (!collection) {
      throw new Error(`No collection for ${type.plural}`);
    }
    return collection;
  }

  get(type: ResourceType, namespace: string, name: string) {
    return this.collection(type).get(
      objectKey(type.namespaced ? namespace : '', name),
    );
  }

  private namespaceType(): ResourceType {
    return this.registry.find('v1', 'namespaces') as ResourceType;
  }

  private store(
    type: ResourceType,
    eventType: StoredEvent['type'],
    object: JsonObject,
    previous?: StoredObject,
  ): StoredObject {
    const revision = ++this.revisionCounter;
    const metadata: JsonObject = {
      ...metadataOf(object),
      resourceVersion: String(revision),
    };
    const finalObject = { ...object, metadata };
    const namespace = type.namespaced ? String(metadata.namespace ?? '') : '';
    const name = String(metadata.name ?? '');
    const stored: StoredObject = {
      key: previous?.key ?? objectKey(namespace, name),
      namespace,
      name,
      revision,
      object: finalObject,
      json: JSON.stringify(finalObject),
    };
    this.collection(type).record({
      type: eventType,
      revision,
      object: stored,
      previous,
    });
    return stored;
  }

  private ensureNamespace(namespace: string, mode: WriteMode): void {
    const namespaceType = this.namespaceType();
    if (this.get(namespaceType, '', namespace)) {
      return;
    }
    if (mode === 'api') {
      throw notFound(namespaceType, namespace);
    }
    this.create(
      namespaceType,
      { metadata: { name: namespace } },
      { mode: 'seed' },
    );
  }

  create(
    type: ResourceType,
    input: JsonObject,
    options: WriteOptions,
  ): StoredObject {
    const { name, namespace } = identityForCreate(
      type,
      input,
      options.mode,
      options.namespace,
    );
    if (namespace !== undefined) {
      this.ensureNamespace(namespace, options.mode);
    }
    if (this.get(type, namespace ?? '', name)) {
      throw alreadyExists(type, name);
    }
    const object = objectForCreate(type, input, {
      mode: options.mode,
      name,
      namespace,
      now: this.now(),
    });
    return this.store(type, 'ADDED', object);
  }

  private existingFor(
    type: ResourceType,
    input: JsonObject,
    options: WriteOptions,
  ): StoredObject {
    const given = metadataOf(input);
    const givenName = stringField(given, 'name');
    const name = options.name ?? givenName ?? '';
    if (options.name && givenName && givenName !== options.name) {
      throw badRequest(
        `the name of the object (${givenName}) does not match the name on the URL (${options.name})`,
      );
    }
    const namespace =
      options.namespace ?? stringField(given, 'namespace') ?? '';
    const existing = this.get(type, namespace, name);
    if (!existing) {
      throw notFound(type, name);
    }
    checkUpdatePrecondition(type, existing, input, options.mode);
    return existing;
  }

  /** PUT semantics: replaces everything but server-managed metadata (and status, which has its own endpoint). */
  update(
    type: ResourceType,
    input: JsonObject,
    options: WriteOptions,
  ): StoredObject {
    const existing = this.existingFor(type, input, options);
    return this.commitUpdate(
      type,
      existing,
      objectForUpdate(type, existing.object, input),
    );
  }

  /** The status endpoint: only `status` changes. */
  updateStatus(
    type: ResourceType,
    input: JsonObject,
    options: WriteOptions,
  ): StoredObject {
    const existing = this.existingFor(type, input, options);
    return this.commitUpdate(
      type,
      existing,
      objectForStatusUpdate(existing.object, input),
    );
  }

  private commitUpdate(
    type: ResourceType,
    existing: StoredObject,
    next: JsonObject,
  ): StoredObject {
    if (isUnchanged(next, existing)) {
      return existing;
    }
    const eventType = completesDeletion(next) ? 'DELETED' : 'MODIFIED';
    return this.store(type, eventType, next, existing);
  }

  delete(
    type: ResourceType,
    namespace: string,
    name: string,
    preconditions: DeletePreconditions = {},
  ): DeleteResult {
    const existing = this.get(type, namespace, name);
    if (!existing) {
      throw notFound(type, name);
    }
    checkDeletePreconditions(type, existing, preconditions);
    const metadata = metadataOf(existing.object);
    if (finalizersOf(metadata).length > 0) {
      if (metadata.deletionTimestamp) {
        return { object: existing, removed: false };
      }
      const marked = objectMarkedForDeletion(type, existing.object, this.now());
      return {
        object: this.store(type, 'MODIFIED', marked, existing),
        removed: false,
      };
    }
    const object = this.store(type, 'DELETED', existing.object, existing);
    if (type.kind === 'Namespace') {
      this.deleteNamespaceContents(name);
    }
    return { object, removed: true };
  }

  private deleteNamespaceContents(namespace: string): void {
    for (const [type, collection] of this.collections) {
      if (!type.namespaced) continue;
      for (const stored of [...collection.values()]) {
        if (stored.namespace === namespace && stored.name) {
          try {
            this.delete(type, namespace, stored.name);
          } catch (error) {
            if (!(error instanceof ApiError)) throw error;
          }
        }
      }
    }
  }

  /** Stores `raw` as it is, so clients can be tested against objects no valid write could produce. */
  insertUnchecked(
    type: ResourceType,
    raw: unknown,
    namespace = '',
    serialize: (object: unknown) => string = JSON.stringify,
  ): StoredObject {
    const revision = ++this.revisionCounter;
    let object: JsonObject;
    if (isJsonObject(raw)) {
      object = isJsonObject(raw.metadata)
        ? {
            ...raw,
            metadata: { ...raw.metadata, resourceVersion: String(revision) },
          }
        : raw;
    } else {
      object = raw as JsonObject;
    }
    const metadata = isJsonObject(object) ? metadataOf(object) : {};
    const objectNamespace = stringField(metadata, 'namespace') ?? namespace;
    const name =
      stringField(metadata, 'name') ??
      `\uffffmalformed-${++this.malformedCounter}`;
    const stored: StoredObject = {
      key: objectKey(type.namespaced ? objectNamespace : '', name),
      namespace: objectNamespace,
      name,
      revision,
      object,
      json: serialize(object),
    };
    this.collection(type).record({ type: 'ADDED', revision, object: stored });
    return stored;
  }

  removeUnchecked(type: ResourceType, stored: StoredObject): void {
    const collection = this.collection(type);
    if (collection.get(stored.key) !== stored) return;
    const revision = ++this.revisionCounter;
    collection.record({
      type: 'DELETED',
      revision,
      object: { ...stored, revision },
      previous: stored,
    });
  }

  /** Forgets all history up to now: older resource versions become 410 Gone, as after etcd compaction. */
  compact(): void {
    for (const collection of this.collections.values()) {
      collection.compact(this.revisionCounter);
    }
  }
}
