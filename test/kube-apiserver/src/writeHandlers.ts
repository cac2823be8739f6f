import { ResourceRequest } from './context';
import {
  ApiError,
  badRequest,
  failureStatus,
  methodNotAllowed,
  notFound,
  unsupportedMediaType,
} from './errors';
import {
  contentTypeOf,
  readJsonBody,
  readJsonObjectBody,
  sendJson,
} from './http';
import { metadataOf, stringField } from './objectMeta';
import { PatchError, applyJsonPatch, applyMergePatch } from './patch';
import {
  JsonObject,
  ResourceType,
  apiVersionOf,
  isJsonObject,
} from './resources';
import {
  compileObjectFilter,
  parseFieldSelector,
  parseLabelSelector,
} from './selectors';

function checkTypeMeta(type: ResourceType, body: JsonObject): void {
  const expected = apiVersionOf(type);
  if (body.apiVersion !== undefined && body.apiVersion !== expected) {
    throw badRequest(
      `the API version in the data (${String(
        body.apiVersion,
      )}) does not match the expected API version (${expected})`,
    );
  }
  if (body.kind !== undefined && body.kind !== type.kind) {
    throw badRequest(
      `the kind in the data (${String(
        body.kind,
      )}) does not match the expected kind (${type.kind})`,
    );
  }
}

export async function handleCreate(request: ResourceRequest): Promise<void> {
  const { context, type, response } = request;
  if (type.namespaced && !request.namespace) {
    throw methodNotAllowed();
  }
  const body = await readJsonObjectBody(request.request);
  checkTypeMeta(type, body);
  const stored = context.store.create(type, body, {
    mode: 'api',
    namespace: request.namespace,
  });
  sendJson(response, 201, stored.json);
}

function writeOptions(request: ResourceRequest) {
  return {
    mode: 'api' as const,
    namespace: request.type.namespaced ? request.namespace ?? '' : '',
    name: request.name,
  };
}

export async function handleUpdate(request: ResourceRequest): Promise<void> {
  const { context, type, response } = request;
  const body = await readJsonObjectBody(request.request);
  checkTypeMeta(type, body);
  const stored =
    request.subresource === 'status'
      ? context.store.updateStatus(type, body, writeOptions(request))
      : context.store.update(type, body, writeOptions(request));
  sendJson(response, 200, stored.json);
}

function applyPatch(
  type: ResourceType,
  contentType: string,
  target: JsonObject,
  patch: unknown,
): unknown {
  try {
    switch (contentType) {
      case 'application/merge-patch+json':
        return applyMergePatch(target, patch);
      case 'application/json-patch+json':
        return applyJsonPatch(target, patch);
      case 'application/strategic-merge-patch+json':
        // Built-in types only, as on a real server; list merge keys are not modelled.
        if (type.servedBy === 'builtin') return applyMergePatch(target, patch);
        break;
      default:
        break;
    }
  } catch (error) {
    if (error instanceof PatchError) {
      throw new ApiError(failureStatus(422, 'Invalid', error.message));
    }
    throw error;
  }
  throw unsupportedMediaType(contentType);
}

export async function handlePatch(request: ResourceRequest): Promise<void> {
  const { context, type, response } = request;
  const patch = await readJsonBody(request.request);
  const options = writeOptions(request);
  const existing = context.store.get(
    type,
    options.namespace,
    request.name ?? '',
  );
  if (!existing) {
    throw notFound(type, request.name ?? '');
  }
  const patched = applyPatch(
    type,
    contentTypeOf(request.request),
    existing.object,
    patch,
  );
  if (!isJsonObject(patched)) {
    throw badRequest('the patched object is not a JSON object');
  }
  const patchedMetadata = metadataOf(patched);
  const requestedVersion = stringField(patchedMetadata, 'resourceVersion');
  // A resourceVersion inside the patch is a precondition; otherwise patches apply to the latest state.
  const body: JsonObject = {
    ...patched,
    metadata: {
      ...patchedMetadata,
      resourceVersion: requestedVersion ?? String(existing.revision),
    },
  };
  const stored =
    request.subresource === 'status'
      ? context.store.updateStatus(type, body, options)
      : context.store.update(type, body, options);
  sendJson(response, 200, stored.json);
}

function deletePreconditions(body: unknown) {
  const preconditions =
    isJsonObject(body) && isJsonObject(body.preconditions)
      ? body.preconditions
      : {};
  return {
    uid: stringField(preconditions, 'uid'),
    resourceVersion: stringField(preconditions, 'resourceVersion'),
  };
}

export async function handleDelete(request: ResourceRequest): Promise<void> {
  const { context, type, response } = request;
  const body = await readJsonBody(request.request);
  const { namespace } = writeOptions(request);
  const name = request.name ?? '';
  const { object, removed } = context.store.delete(
    type,
    namespace,
    name,
    deletePreconditions(body),
  );
  if (removed && type.servedBy === 'builtin') {
    sendJson(response, 200, {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Success',
      details: {
        name,
        ...(type.group ? { group: type.group } : {}),
        kind: type.plural,
        uid: metadataOf(object.object).uid,
      },
    });
    return;
  }
  sendJson(response, 200, object.json);
}

export async function handleDeleteCollection(
  request: ResourceRequest,
): Promise<void> {
  const { context, type, query, response } = request;
  await readJsonBody(request.request);
  const filter = compileObjectFilter(
    parseLabelSelector(query.get('labelSelector') ?? ''),
    parseFieldSelector(query.get('fieldSelector') ?? '', [
      'metadata.name',
      'metadata.namespace',
      ...type.selectableFields,
    ]),
  );
  const namespace = type.namespaced ? request.namespace : undefined;
  const deleted = context.store
    .collection(type)
    .list(namespace, filter)
    .filter(stored => stored.name)
    .map(
      stored =>
        context.store.delete(type, stored.namespace, stored.name).object,
    );
  const items = deleted.map(stored => stored.json).join(',');
  sendJson(
    response,
    200,
    `{"kind":"${type.kind}List","apiVersion":"${apiVersionOf(
      type,
    )}","metadata":{"resourceVersion":"${
      context.store.revision
    }"},"items":[${items}]}`,
  );
}
