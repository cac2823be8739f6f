import type { IncomingMessage, ServerResponse } from 'node:http';
import { ResourceRequest, ServerContext } from './context';
import { forbidden, methodNotAllowed } from './errors';
import { KubeVerb } from './faults';
import { sendPageNotFound, sendServiceUnavailable, sendStatus } from './http';
import { handleGet, handleList, handleWatch } from './readHandlers';
import { ResourceType } from './resources';
import { ResourcePath } from './routes';
import {
  handleCreate,
  handleDelete,
  handleDeleteCollection,
  handlePatch,
  handleUpdate,
} from './writeHandlers';

/** The Kubernetes verb of a resource request, as RBAC and audit logs name it. */
export function verbOf(
  method: string,
  path: Pick<ResourcePath, 'name'>,
  query: URLSearchParams,
): KubeVerb | undefined {
  const hasName = path.name !== undefined;
  switch (method) {
    case 'GET':
      if (hasName) return 'get';
      return query.get('watch') === 'true' || query.get('watch') === '1'
        ? 'watch'
        : 'list';
    case 'POST':
      return hasName ? undefined : 'create';
    case 'PUT':
      return hasName ? 'update' : undefined;
    case 'PATCH':
      return hasName ? 'patch' : undefined;
    case 'DELETE':
      return hasName ? 'delete' : 'deletecollection';
    default:
      return undefined;
  }
}

/** The served type a path addresses, or undefined when a real server would answer 404 page not found. */
export function resolveResourceType(
  context: ServerContext,
  path: ResourcePath,
): ResourceType | undefined {
  const apiVersion = path.group
    ? `${path.group}/${path.version}`
    : path.version;
  const type = context.registry.find(apiVersion, path.plural);
  if (!type || !context.faults.isServed(type)) return undefined;
  if (path.namespace !== undefined && !type.namespaced) return undefined;
  if (
    path.namespace === undefined &&
    type.namespaced &&
    path.name !== undefined
  ) {
    return undefined;
  }
  if (
    path.subresource !== undefined &&
    (path.subresource !== 'status' || !type.hasStatusSubresource)
  ) {
    return undefined;
  }
  return type;
}

const HANDLERS: Record<
  KubeVerb,
  (request: ResourceRequest) => void | Promise<void>
> = {
  get: handleGet,
  list: handleList,
  watch: handleWatch,
  create: handleCreate,
  update: handleUpdate,
  patch: handlePatch,
  delete: handleDelete,
  deletecollection: handleDeleteCollection,
};

export async function handleResourceRequest(
  context: ServerContext,
  request: IncomingMessage,
  response: ServerResponse,
  path: ResourcePath,
  query: URLSearchParams,
): Promise<void> {
  const type = resolveResourceType(context, path);
  if (!type) {
    sendPageNotFound(response);
    return;
  }
  if (context.faults.isUnavailable(type)) {
    sendServiceUnavailable(
      response,
      context.faults.aggregatedUnavailable ?? 'status',
    );
    return;
  }
  const verb = verbOf(request.method ?? 'GET', path, query);
  if (!verb) {
    sendStatus(response, methodNotAllowed().status);
    return;
  }
  if (context.faults.isForbidden(type, verb, path.namespace)) {
    const error = forbidden({
      type,
      user: context.userName,
      verb,
      namespace: path.namespace,
      name: path.name,
    });
    sendStatus(response, error.status);
    return;
  }
  await HANDLERS[verb]({
    context,
    request,
    response,
    query,
    type,
    namespace: path.namespace,
    name: path.name,
    subresource: path.subresource === 'status' ? 'status' : undefined,
  });
}
