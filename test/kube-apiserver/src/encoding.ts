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

/** `head`, the items separated by commas, then `tail`, written as UTF-8 into one buffer. */
export function joinUtf8(
  head: string,
  items: readonly string[],
  tail: string,
): Buffer {
  let size =
    Buffer.byteLength(head) +
    Buffer.byteLength(tail) +
    Math.max(0, items.length - 1);
  for (const item of items) size += Buffer.byteLength(item);
  const bytes = Buffer.allocUnsafe(size);
  let offset = bytes.write(head, 0);
  for (let index = 0; index < items.length; index++) {
    if (index > 0) offset = bytes.writeUInt8(0x2c, offset);
    offset += bytes.write(items[index], offset);
  }
  bytes.write(tail, offset);
  return bytes;
}

/**
 * A list response body. Plain lists reuse each object's stored JSON and are written straight into
 * one buffer: a page-sized string would be copied again when sent and collected from large-object space.
 */
export function encodeList(
  context: EncodeContext,
  items: StoredObject[],
  listMetadata: JsonObject,
): Buffer {
  const { type, format } = context;
  if (format.kind === 'table') {
    return Buffer.from(
      JSON.stringify(
        renderTable(type, items, {
          apiVersion: format.apiVersion,
          includeObject: context.includeObject,
          listMetadata,
          now: context.now,
        }),
      ),
    );
  }
  if (format.kind === 'metadata') {
    return Buffer.from(
      JSON.stringify({
        kind: 'PartialObjectMetadataList',
        apiVersion: format.apiVersion,
        metadata: listMetadata,
        items: items.map(stored =>
          partialObjectMetadata(stored, format.apiVersion),
        ),
      }),
    );
  }
  const head = `{"kind":${JSON.stringify(
    `${type.kind}List`,
  )},"apiVersion":${JSON.stringify(
    apiVersionOf(type),
  )},"metadata":${JSON.stringify(listMetadata)},"items":[`;
  return joinUtf8(
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
