import { StoredObject } from './collection';
import { ResourceRequest } from './context';
import { encodeContextFor, encodeList, encodeObject } from './encoding';
import {
  badRequest,
  expired,
  notFound,
  tooLargeResourceVersion,
} from './errors';
import {
  asNamespaced,
  mergeWithGlobal,
  namespaceIncludesGlobal,
} from './globalPackages';
import { sendJson } from './http';
import { decodeContinueToken, encodeContinueToken } from './paging';
import { JsonObject } from './resources';
import {
  ObjectFilter,
  compileObjectFilter,
  parseFieldSelector,
  parseLabelSelector,
} from './selectors';
import { sendHostileList, startHostileWatch } from './hostileResponses';
import { WatchSession } from './watch';

const CONTINUE_EXPIRED_MESSAGE =
  'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.';

function filterFor(request: ResourceRequest): ObjectFilter | undefined {
  const { query, type } = request;
  return compileObjectFilter(
    parseLabelSelector(query.get('labelSelector') ?? ''),
    parseFieldSelector(query.get('fieldSelector') ?? '', [
      'metadata.name',
      'metadata.namespace',
      ...type.selectableFields,
    ]),
  );
}

function parseRevision(value: string): number {
  if (!/^\d+$/.test(value)) {
    throw badRequest(`invalid resource version: ${value}`);
  }
  return Number(value);
}

/** Namespaced Package/PackageMetadata requests that kapp-controller answers from two namespaces. */
function globalNamespaceFor(request: ResourceRequest): string | undefined {
  const { context, type, namespace } = request;
  const globalNamespace = context.packagingGlobalNamespace;
  if (type.servedBy !== 'aggregated' || !globalNamespace) {
    return undefined;
  }
  const namespaceType = context.registry.find('v1', 'namespaces');
  const namespaceObject = namespaceType
    ? context.store.get(namespaceType, '', namespace ?? '')
    : undefined;
  return namespaceIncludesGlobal(namespace, globalNamespace, namespaceObject)
    ? globalNamespace
    : undefined;
}

/**
 * A namespaced Package list merged with the global namespace's, or undefined when there is
 * nothing to merge. Like kapp-controller's merge, it ignores limit: servers may return more.
 */
function listWithGlobal(
  request: ResourceRequest,
  filter: ObjectFilter | undefined,
): StoredObject[] | undefined {
  const globalNamespace = globalNamespaceFor(request);
  if (!globalNamespace) return undefined;
  const collection = request.context.store.collection(request.type);
  const global = collection.list(globalNamespace);
  if (global.length === 0) return undefined;
  const namespace = request.namespace ?? '';
  return mergeWithGlobal(collection.list(namespace), global, namespace).filter(
    stored => !filter || filter(stored.object),
  );
}

export function handleList(request: ResourceRequest): void {
  const { context, type, query, response } = request;
  const hostile = context.faults.hostileListOf(type);
  if (hostile) {
    sendHostileList(request, hostile);
    return;
  }
  const encoding = encodeContextFor(request);
  const filter = filterFor(request);
  const collection = context.store.collection(type);
  const continueParam = query.get('continue');
  const resourceVersion = query.get('resourceVersion') ?? '';
  const exact = query.get('resourceVersionMatch') === 'Exact';
  const limit = Number(query.get('limit') ?? 0);
  if (continueParam && resourceVersion) {
    throw badRequest(
      'specifying resource version is not allowed when using continue',
    );
  }
  const token = continueParam ? decodeContinueToken(continueParam) : undefined;
  let revision = token?.revision;
  if (resourceVersion && resourceVersion !== '0') {
    const requested = parseRevision(resourceVersion);
    if (requested > context.store.revision) {
      throw tooLargeResourceVersion(requested, context.store.revision);
    }
    if (exact) revision = requested;
  }
  const namespace = type.namespaced ? request.namespace : undefined;

  const merged = token ? undefined : listWithGlobal(request, filter);
  if (merged) {
    const listMetadata = { resourceVersion: String(context.store.revision) };
    sendJson(response, 200, encodeList(encoding, merged, listMetadata));
    return;
  }

  const page = collection.listPage({
    namespace,
    revision,
    startAfter: token?.startAfter,
    limit: limit > 0 ? limit : undefined,
    filter,
  });
  if (page === 'expired') {
    throw token
      ? expired(CONTINUE_EXPIRED_MESSAGE)
      : expired(
          `too old resource version: ${revision} (${
            collection.compactedRevision + 1
          })`,
        );
  }
  const listRevision = revision ?? context.store.revision;
  const listMetadata: JsonObject = { resourceVersion: String(listRevision) };
  if (page.continueAfter !== undefined) {
    listMetadata.continue = encodeContinueToken({
      revision: listRevision,
      startAfter: page.continueAfter,
    });
  }
  if (page.remainingItemCount !== undefined) {
    listMetadata.remainingItemCount = page.remainingItemCount;
  }
  sendJson(response, 200, encodeList(encoding, page.items, listMetadata));
}

export function handleGet(request: ResourceRequest): void {
  const { context, type, response } = request;
  const encoding = encodeContextFor(request);
  const namespace = request.namespace ?? '';
  const name = request.name ?? '';
  let stored = context.store.get(type, namespace, name);
  const globalNamespace = stored ? undefined : globalNamespaceFor(request);
  if (globalNamespace) {
    const global = context.store.get(type, globalNamespace, name);
    stored = global && asNamespaced(global, namespace);
  }
  if (!stored) {
    throw notFound(type, name);
  }
  sendJson(response, 200, encodeObject(encoding, stored));
}

export function handleWatch(request: ResourceRequest): void {
  const { context, type, query, response } = request;
  const hostile = context.faults.hostileWatchOf(type);
  if (hostile) {
    startHostileWatch(request, hostile);
    return;
  }
  const encoding = encodeContextFor(request);
  const filter = filterFor(request);
  const resourceVersion = query.get('resourceVersion') ?? '';
  if (resourceVersion) parseRevision(resourceVersion);
  const timeout = query.get('timeoutSeconds');
  const session = new WatchSession(
    response,
    {
      collection: context.store.collection(type),
      type,
      namespace: request.namespace,
      filter,
      resourceVersion,
      sendInitialEvents: query.get('sendInitialEvents') === 'true',
      allowBookmarks: query.get('allowWatchBookmarks') === 'true',
      timeoutSeconds: timeout ? Number(timeout) : undefined,
      bookmarkIntervalMs: context.bookmarkIntervalMs,
      currentRevision: () => context.store.revision,
      encodeObject: (stored, first) => encodeObject(encoding, stored, first),
    },
    closed => context.watches.delete(closed),
  );
  context.watches.add(session);
  session.start();
}
