import { randomUUID } from 'node:crypto';
import {
  ResourceCollection,
  StoredEvent,
  StoredObject,
  objectKey,
} from './collection';
import {
  ApiError,
  alreadyExists,
  badRequest,
  conflict,
  internalError,
  invalid,
  notFound,
} from './errors';
import {
  finalizersOf,
  formatTimestamp,
  generateNameSuffix,
  metadataOf,
  specContent,
  stringField,
  withTypeMeta,
} from './objectMeta';
import {
  JsonObject,
  ResourceRegistry,
  ResourceType,
  isJsonObject,
} from './resources';

/**
 * `api`: what a client may do over HTTP (server-managed fields are reset, the namespace must exist).
 * `seed`: test set-up, which may preset status, generation, timestamps and finalizers, and creates
 * missing namespaces.
 */
export type WriteMode = 'api' | 'seed';

export interface WriteOptions {
  mode: WriteMode;
  /** The namespace from the request URL. */
  namespace?: string;
  /** The name from the request URL (updates). */
  name?: string;
}

export interface DeletePreconditions {
  uid?: string;
  resourceVersion?: string;
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
    const { mode } = options;
    const given = metadataOf(input);
    if (mode === 'api' && stringField(given, 'resourceVersion')) {
      throw internalError(
        'resourceVersion should not be set on objects to be created',
      );
    }
    const generateName = stringField(given, 'generateName');
    const name =
      stringField(given, 'name') ??
      (generateName ? generateName + generateNameSuffix() : undefined);
    if (!name) {
      throw invalid(type, '', [
        {
          field: 'metadata.name',
          value: '',
          message: 'name or generateName is required',
        },
      ]);
    }
    let namespace: string | undefined;
    if (type.namespaced) {
      const givenNamespace = stringField(given, 'namespace');
      if (
        options.namespace &&
        givenNamespace &&
        givenNamespace !== options.namespace
      ) {
        throw badRequest(
          'the namespace of the provided object does not match the namespace sent on the request',
        );
      }
      namespace = options.namespace ?? givenNamespace ?? 'default';
      this.ensureNamespace(namespace, mode);
    }
    if (this.get(type, namespace ?? '', name)) {
      throw alreadyExists(type, name);
    }
    const body: JsonObject = { ...input };
    if (mode === 'api') {
      if (type.hasStatusSubresource) delete body.status;
      const errors = type.validate?.({ ...body, metadata: { name } }) ?? [];
      if (errors.length > 0) throw invalid(type, name, errors);
    }
    if (type.kind === 'Namespace') {
      body.spec = isJsonObject(body.spec)
        ? body.spec
        : { finalizers: ['kubernetes'] };
      body.status = isJsonObject(body.status)
        ? body.status
        : { phase: 'Active' };
    }
    const seeded = (field: string) =>
      mode === 'seed' ? given[field] : undefined;
    const metadata: JsonObject = {
      ...given,
      name,
      namespace,
      uid: seeded('uid') ?? randomUUID(),
      resourceVersion: undefined,
      generation: type.tracksGeneration ? seeded('generation') ?? 1 : undefined,
      creationTimestamp:
        seeded('creationTimestamp') ?? formatTimestamp(this.now()),
      deletionTimestamp: seeded('deletionTimestamp'),
      deletionGracePeriodSeconds: seeded('deletionGracePeriodSeconds'),
    };
    return this.store(type, 'ADDED', withTypeMeta(type, body, metadata));
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
    const resourceVersion = stringField(given, 'resourceVersion');
    if (resourceVersion !== undefined) {
      if (resourceVersion !== String(existing.revision)) {
        throw conflict(type, name);
      }
    } else if (options.mode === 'api' && type.servedBy !== 'builtin') {
      throw invalid(type, name, [
        {
          field: 'metadata.resourceVersion',
          value: '0x0',
          message: 'must be specified for an update',
        },
      ]);
    }
    return existing;
  }

  /** PUT semantics: replaces everything but server-managed metadata (and status, which has its own endpoint). */
  update(
    type: ResourceType,
    input: JsonObject,
    options: WriteOptions,
  ): StoredObject {
    const existing = this.existingFor(type, input, options);
    const current = existing.object;
    const currentMetadata = metadataOf(current);
    const body: JsonObject = { ...input };
    if (type.hasStatusSubresource) {
      body.status = current.status;
    }
    const metadata: JsonObject = { ...metadataOf(input) };
    for (const field of [
      'name',
      'namespace',
      'uid',
      'creationTimestamp',
      'generation',
      'deletionTimestamp',
      'deletionGracePeriodSeconds',
    ]) {
      metadata[field] = currentMetadata[field];
    }
    if (currentMetadata.deletionTimestamp) {
      const before = new Set(finalizersOf(currentMetadata));
      const added = finalizersOf(metadata).filter(f => !before.has(f));
      if (added.length > 0) {
        throw invalid(type, existing.name, [
          {
            field: 'metadata.finalizers',
            value: added,
            message:
              'no new finalizers can be added if the object is being deleted',
          },
        ]);
      }
    }
    const next = withTypeMeta(type, body, metadata);
    if (type.tracksGeneration && specContent(next) !== specContent(current)) {
      metadata.generation = Number(currentMetadata.generation ?? 0) + 1;
    }
    return this.commitUpdate(
      type,
      existing,
      withTypeMeta(type, body, metadata),
    );
  }

  /** The status endpoint: only `status` changes. */
  updateStatus(
    type: ResourceType,
    input: JsonObject,
    options: WriteOptions,
  ): StoredObject {
    const existing = this.existingFor(type, input, options);
    const next: JsonObject = { ...existing.object, status: input.status };
    return this.commitUpdate(type, existing, next);
  }

  private commitUpdate(
    type: ResourceType,
    existing: StoredObject,
    next: JsonObject,
  ): StoredObject {
    const metadata = metadataOf(next);
    const unchanged =
      JSON.stringify({
        ...next,
        metadata: { ...metadata, resourceVersion: String(existing.revision) },
      }) === existing.json;
    if (unchanged) {
      return existing;
    }
    if (metadata.deletionTimestamp && finalizersOf(metadata).length === 0) {
      return this.store(type, 'DELETED', next, existing);
    }
    return this.store(type, 'MODIFIED', next, existing);
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
    const metadata = metadataOf(existing.object);
    if (preconditions.uid && preconditions.uid !== metadata.uid) {
      throw conflict(
        type,
        name,
        `Precondition failed: UID in precondition: ${preconditions.uid}, UID in object meta: ${metadata.uid}`,
      );
    }
    if (
      preconditions.resourceVersion &&
      preconditions.resourceVersion !== String(existing.revision)
    ) {
      throw conflict(
        type,
        name,
        `Precondition failed: ResourceVersion in precondition: ${preconditions.resourceVersion}, ResourceVersion in object meta: ${existing.revision}`,
      );
    }
    if (finalizersOf(metadata).length > 0) {
      if (metadata.deletionTimestamp) {
        return { object: existing, removed: false };
      }
      const marked: JsonObject = {
        ...metadata,
        deletionTimestamp: formatTimestamp(this.now()),
        deletionGracePeriodSeconds: 0,
      };
      if (type.tracksGeneration) {
        marked.generation = Number(metadata.generation ?? 0) + 1;
      }
      const object = this.store(
        type,
        'MODIFIED',
        withTypeMeta(type, existing.object, marked),
        existing,
      );
      return { object, removed: false };
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
      json: JSON.stringify(object),
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
