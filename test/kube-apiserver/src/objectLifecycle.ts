import { randomUUID } from 'node:crypto';
import { StoredObject } from './collection';
import { badRequest, conflict, internalError, invalid } from './errors';
import {
  finalizersOf,
  formatTimestamp,
  generateNameSuffix,
  metadataOf,
  specContent,
  stringField,
  withTypeMeta,
} from './objectMeta';
import { JsonObject, ResourceType, isJsonObject } from './resources';

/**
 * `api`: what a client may do over HTTP (server-managed fields are reset, the namespace must exist).
 * `seed`: test set-up, which may preset status, generation, timestamps and finalizers, and creates
 * missing namespaces.
 */
export type WriteMode = 'api' | 'seed';

export interface DeletePreconditions {
  uid?: string;
  resourceVersion?: string;
}

/** Name and namespace of an object to create; `urlNamespace` is the namespace in the request path. */
export function identityForCreate(
  type: ResourceType,
  input: JsonObject,
  mode: WriteMode,
  urlNamespace: string | undefined,
): { name: string; namespace?: string } {
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
  if (!type.namespaced) {
    return { name };
  }
  const givenNamespace = stringField(given, 'namespace');
  if (urlNamespace && givenNamespace && givenNamespace !== urlNamespace) {
    throw badRequest(
      'the namespace of the provided object does not match the namespace sent on the request',
    );
  }
  return { name, namespace: urlNamespace ?? givenNamespace ?? 'default' };
}

/** The object as first stored, before it gets its resourceVersion. */
export function objectForCreate(
  type: ResourceType,
  input: JsonObject,
  options: { mode: WriteMode; name: string; namespace?: string; now: number },
): JsonObject {
  const { mode, name, namespace } = options;
  const given = metadataOf(input);
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
    body.status = isJsonObject(body.status) ? body.status : { phase: 'Active' };
  }
  const seeded = (field: string) =>
    mode === 'seed' ? given[field] : undefined;
  return withTypeMeta(type, body, {
    ...given,
    name,
    namespace,
    uid: seeded('uid') ?? randomUUID(),
    resourceVersion: undefined,
    generation: type.tracksGeneration ? seeded('generation') ?? 1 : undefined,
    creationTimestamp:
      seeded('creationTimestamp') ?? formatTimestamp(options.now),
    deletionTimestamp: seeded('deletionTimestamp'),
    deletionGracePeriodSeconds: seeded('deletionGracePeriodSeconds'),
  });
}

/** Optimistic concurrency: a given resourceVersion must be current; CRDs require one over the API. */
export function checkUpdatePrecondition(
  type: ResourceType,
  existing: StoredObject,
  input: JsonObject,
  mode: WriteMode,
): void {
  const resourceVersion = stringField(metadataOf(input), 'resourceVersion');
  if (resourceVersion !== undefined) {
    if (resourceVersion !== String(existing.revision)) {
      throw conflict(type, existing.name);
    }
  } else if (mode === 'api' && type.servedBy !== 'builtin') {
    throw invalid(type, existing.name, [
      {
        field: 'metadata.resourceVersion',
        value: '0x0',
        message: 'must be specified for an update',
      },
    ]);
  }
}

const SERVER_MANAGED_METADATA = [
  'name',
  'namespace',
  'uid',
  'creationTimestamp',
  'generation',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
];

/** PUT semantics: everything but server-managed metadata, and status where it has its own endpoint. */
export function objectForUpdate(
  type: ResourceType,
  current: JsonObject,
  input: JsonObject,
): JsonObject {
  const currentMetadata = metadataOf(current);
  const body: JsonObject = { ...input };
  if (type.hasStatusSubresource) {
    body.status = current.status;
  }
  const metadata: JsonObject = { ...metadataOf(input) };
  for (const field of SERVER_MANAGED_METADATA) {
    metadata[field] = currentMetadata[field];
  }
  if (currentMetadata.deletionTimestamp) {
    const before = new Set(finalizersOf(currentMetadata));
    const added = finalizersOf(metadata).filter(f => !before.has(f));
    if (added.length > 0) {
      throw invalid(type, String(currentMetadata.name ?? ''), [
        {
          field: 'metadata.finalizers',
          value: added,
          message:
            'no new finalizers can be added if the object is being deleted',
        },
      ]);
    }
  }
  if (
    type.tracksGeneration &&
    specContent(withTypeMeta(type, body, metadata)) !== specContent(current)
  ) {
    metadata.generation = Number(currentMetadata.generation ?? 0) + 1;
  }
  return withTypeMeta(type, body, metadata);
}

/** The status endpoint: only `status` changes. */
export function objectForStatusUpdate(
  current: JsonObject,
  input: JsonObject,
): JsonObject {
  return { ...current, status: input.status };
}

/** Whether `next` would store the same bytes, in which case the API server skips the write. */
export function isUnchanged(next: JsonObject, existing: StoredObject): boolean {
  const metadata = {
    ...metadataOf(next),
    resourceVersion: String(existing.revision),
  };
  return JSON.stringify({ ...next, metadata }) === existing.json;
}

/** An update that removes the last finalizer of an object being deleted completes the deletion. */
export function completesDeletion(next: JsonObject): boolean {
  const metadata = metadataOf(next);
  return (
    Boolean(metadata.deletionTimestamp) && finalizersOf(metadata).length === 0
  );
}

export function checkDeletePreconditions(
  type: ResourceType,
  existing: StoredObject,
  preconditions: DeletePreconditions,
): void {
  const uid = metadataOf(existing.object).uid;
  if (preconditions.uid && preconditions.uid !== uid) {
    throw conflict(
      type,
      existing.name,
      `Precondition failed: UID in precondition: ${preconditions.uid}, UID in object meta: ${uid}`,
    );
  }
  if (
    preconditions.resourceVersion &&
    preconditions.resourceVersion !== String(existing.revision)
  ) {
    throw conflict(
      type,
      existing.name,
      `Precondition failed: ResourceVersion in precondition: ${preconditions.resourceVersion}, ResourceVersion in object meta: ${existing.revision}`,
    );
  }
}

/** Graceful deletion of an object with finalizers: set deletionTimestamp and, as the API server does, bump generation. */
export function objectMarkedForDeletion(
  type: ResourceType,
  current: JsonObject,
  now: number,
): JsonObject {
  const metadata = metadataOf(current);
  const marked: JsonObject = {
    ...metadata,
    deletionTimestamp: formatTimestamp(now),
    deletionGracePeriodSeconds: 0,
  };
  if (type.tracksGeneration) {
    marked.generation = Number(metadata.generation ?? 0) + 1;
  }
  return withTypeMeta(type, current, marked);
}
