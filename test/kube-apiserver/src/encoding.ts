import { StoredObject } from './collection';
import type { ResourceRequest } from './context';
import { notAcceptable } from './errors';
import { ResponseFormat, negotiateFormat } from './negotiation';
import { metadataOf } from './objectMeta';
import {
  JsonObject,
  ResourceType,
  apiVersionOf,
  isJsonObject,
} from './resources';
import { IncludeObject, renderTable } from './table';

export interface EncodeContext {
  type: ResourceType;
  format: ResponseFormat;
  includeObject: IncludeObject;
  now: number;
}

export function parseIncludeObject(value: string | null): IncludeObject {
  return value === 'None' || value === 'Object' ? value : 'Metadata';
}

/** How to encode the answer to `request`, from its Accept header and query; 406 when nothing fits. */
export function encodeContextFor(request: ResourceRequest): EncodeContext {
  const format = negotiateFormat(request.request.headers.accept);
  if (!format) {
    throw notAcceptable();
  }
  return {
    type: request.type,
    format,
    includeObject: parseIncludeObject(request.query.get('includeObject')),
    now: request.context.now(),
  };
}

function partialObjectMetadata(stored: StoredObject, apiVersion: string) {
  return {
    kind: 'PartialObjectMetadata',
    apiVersion,
    metadata: isJsonObject(stored.object) ? metadataOf(stored.object) : {},
  };
}

/** Typed (built-in) lists omit kind/apiVersion on their items; CRD lists keep them. */
function listItemJson(type: ResourceType, stored: StoredObject): string {
  if (type.servedBy !== 'builtin' || !isJsonObject(stored.object)) {
    return stored.json;
  }
  const item: JsonObject = { ...stored.object };
  delete item.apiVersion;
  delete item.kind;
  return JSON.stringify(item);
}

/** Body pieces under this many characters stay out of V8's large-object space. */
const CHUNK_CHARS = 64 * 1024;

/** `head`, the items separated by commas, then `tail`, as pieces of about CHUNK_CHARS each. */
export function joinInChunks(
  head: string,
  items: readonly string[],
  tail: string,
): string[] {
  const chunks: string[] = [];
  let group: string[] = [head];
  let groupChars = head.length;
  for (let index = 0; index < items.length; index++) {
    const item = index > 0 ? `,${items[index]}` : items[index];
    if (groupChars > 0 && groupChars + item.length > CHUNK_CHARS) {
      chunks.push(group.join(''));
      group = [];
      groupChars = 0;
    }
    group.push(item);
    groupChars += item.length;
  }
  group.push(tail);
  chunks.push(group.join(''));
  return chunks;
}

/**
 * A list response body in pieces. Plain lists reuse each object's stored JSON; no page-sized
 * string or buffer is made, as each would be collected from large-object space or external memory.
 */
export function encodeList(
  context: EncodeContext,
  items: StoredObject[],
  listMetadata: JsonObject,
): string[] {
  const { type, format } = context;
  if (format.kind === 'table') {
    return [
      JSON.stringify(
        renderTable(type, items, {
          apiVersion: format.apiVersion,
          includeObject: context.includeObject,
          listMetadata,
          now: context.now,
        }),
      ),
    ];
  }
  if (format.kind === 'metadata') {
    return [
      JSON.stringify({
        kind: 'PartialObjectMetadataList',
        apiVersion: format.apiVersion,
        metadata: listMetadata,
        items: items.map(stored =>
          partialObjectMetadata(stored, format.apiVersion),
        ),
      }),
    ];
  }
  const head = `{"kind":${JSON.stringify(
    `${type.kind}List`,
  )},"apiVersion":${JSON.stringify(
    apiVersionOf(type),
  )},"metadata":${JSON.stringify(listMetadata)},"items":[`;
  return joinInChunks(
    head,
    items.map(stored => listItemJson(type, stored)),
    ']}',
  );
}

/** A single object (GET, watch event) in the negotiated format. */
export function encodeObject(
  context: EncodeContext,
  stored: StoredObject,
  includeColumnDefinitions = true,
): string {
  const { type, format } = context;
  if (format.kind === 'table') {
    return JSON.stringify(
      renderTable(type, [stored], {
        apiVersion: format.apiVersion,
        includeObject: context.includeObject,
        listMetadata: { resourceVersion: String(stored.revision) },
        now: context.now,
        includeColumnDefinitions,
      }),
    );
  }
  if (format.kind === 'metadata') {
    return JSON.stringify(partialObjectMetadata(stored, format.apiVersion));
  }
  return stored.json;
}
