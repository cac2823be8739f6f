import type { ServerResponse } from 'node:http';
import { StoredObject } from './collection';
import { OpenWatch, ResourceRequest } from './context';
import { encodeContextFor, encodeList } from './encoding';
import { HostileList, HostileWatch } from './faults';
import { sendJson } from './http';
import { decodeContinueToken, encodeContinueToken } from './paging';
import { apiVersionOf, isJsonObject, JsonObject } from './resources';

const DEFAULT_PAGE_SIZE = 500;
const ENDLESS_LINE_CHUNK_BYTES = 64 * 1024;
/** Bytes written per event-loop turn, so a fast reader cannot starve the rest of the process. */
const BYTES_PER_TURN = 1024 * 1024;
const ENDLESS_PAGE_MARK = '\uffffendless-page/';
const REPEATED_CONTINUE_MARK = '\uffffrepeated';
const NAME_MARK = '\u0000name\u0000';
const PADDING_MARK = '\u0000padding\u0000';

/**
 * Writes what `next` returns until it returns undefined or the client goes away, waiting for
 * the socket to drain, so the server holds at most one chunk however slowly the client reads.
 */
function pump(
  response: ServerResponse,
  next: () => string | Buffer | undefined,
): () => void {
  let stopped = false;
  let immediate: NodeJS.Immediate | undefined;
  const write = () => {
    immediate = undefined;
    let written = 0;
    while (!stopped) {
      const chunk = next();
      if (chunk === undefined) {
        response.end();
        return;
      }
      written += chunk.length;
      if (!response.write(chunk)) {
        response.once('drain', write);
        return;
      }
      if (written >= BYTES_PER_TURN) {
        immediate = setImmediate(write);
        return;
      }
    }
  };
  const stop = () => {
    stopped = true;
    if (immediate) clearImmediate(immediate);
    response.off('drain', write);
  };
  response.on('close', stop);
  write();
  return stop;
}

/** A watch response held open by a hostile behaviour until the client or a fault closes it. */
class HostileWatchResponse implements OpenWatch {
  private closed = false;
  private stopPump?: () => void;

  constructor(
    private readonly response: ServerResponse,
    private readonly mode: HostileWatch,
    private readonly onClose: (watch: HostileWatchResponse) => void,
  ) {}

  start(): void {
    this.response.on('close', () => this.close());
    if (this.mode.kind === 'no-headers') return;
    this.response.writeHead(200, {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-cache, private',
    });
    const chunk = Buffer.alloc(
      this.mode.chunkBytes ?? ENDLESS_LINE_CHUNK_BYTES,
      'a',
    );
    let first = true;
    this.stopPump = pump(this.response, () => {
      if (!first) return chunk;
      first = false;
      return '{"type":"ADDED","object":{"metadata":{"name":"';
    });
  }

  drop(): void {
    this.response.socket?.destroy();
    this.close();
  }

  end(): void {
    if (!this.closed && this.response.headersSent) this.response.end();
    else this.response.socket?.destroy();
    this.close();
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.stopPump?.();
    this.onClose(this);
  }
}

export function startHostileWatch(
  request: ResourceRequest,
  mode: HostileWatch,
): void {
  const { context, response } = request;
  const watch = new HostileWatchResponse(response, mode, closed =>
    context.watches.delete(closed),
  );
  context.watches.add(watch);
  watch.start();
}

function firstPage(request: ResourceRequest, limit: number): StoredObject[] {
  const { context, type, namespace } = request;
  const page = context.store.collection(type).listPage({
    namespace: type.namespaced ? namespace : undefined,
    limit,
  });
  return page === 'expired' ? [] : page.items;
}

function renamed(stored: StoredObject, name: string): StoredObject {
  const object = JSON.parse(stored.json) as JsonObject;
  if (isJsonObject(object.metadata)) {
    object.metadata = { ...object.metadata, name };
  }
  return { ...stored, name, object, json: JSON.stringify(object) };
}

function pageNumberOf(continueToken: string, mark: string): number {
  try {
    const { startAfter } = decodeContinueToken(continueToken);
    return startAfter.startsWith(mark)
      ? Number(startAfter.slice(mark.length)) || 1
      : 1;
  } catch {
    return 1;
  }
}

function sendPage(
  request: ResourceRequest,
  items: StoredObject[],
  startAfter: string,
): void {
  const revision = request.context.store.revision;
  const metadata: JsonObject = {
    resourceVersion: String(revision),
    continue: encodeContinueToken({ revision, startAfter }),
  };
  sendJson(
    request.response,
    200,
    encodeList(encodeContextFor(request), items, metadata),
  );
}

/** The first object's JSON with its name and a padding annotation left as marks to fill in. */
function itemTemplate(request: ResourceRequest): string[] {
  const [first] = firstPage(request, 1);
  const object: JsonObject = first
    ? (JSON.parse(first.json) as JsonObject)
    : { apiVersion: apiVersionOf(request.type), kind: request.type.kind };
  const {
    name: _name,
    annotations,
    ...metadata
  } = isJsonObject(object.metadata) ? object.metadata : ({} as JsonObject);
  object.metadata = {
    name: NAME_MARK,
    ...metadata,
    annotations: {
      ...(isJsonObject(annotations) ? annotations : {}),
      'hostile.test/padding': PADDING_MARK,
    },
  };
  return JSON.stringify(object)
    .split(JSON.stringify(NAME_MARK).slice(1, -1))
    .flatMap(part => part.split(JSON.stringify(PADDING_MARK).slice(1, -1)));
}

function streamHugePage(
  request: ResourceRequest,
  objects: number,
  bytesPerObject: number,
): void {
  const { response, type, context } = request;
  const [beforeName, betweenNameAndPadding, afterPadding] =
    itemTemplate(request);
  const padding = 'x'.repeat(bytesPerObject);
  response.writeHead(200, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-cache, private',
  });
  let index = -1;
  pump(response, () => {
    index++;
    if (index === 0) {
      return `{"kind":"${type.kind}List","apiVersion":"${apiVersionOf(
        type,
      )}","metadata":{"resourceVersion":"${context.store.revision}"},"items":[`;
    }
    if (index > objects) return index === objects + 1 ? ']}' : undefined;
    return `${index > 1 ? ',' : ''}${beforeName}huge-${index}${
      betweenNameAndPadding ?? ''
    }${padding}${afterPadding ?? ''}`;
  });
}

export function sendHostileList(
  request: ResourceRequest,
  mode: HostileList,
): void {
  const limit = Number(request.query.get('limit')) || DEFAULT_PAGE_SIZE;
  const continueToken = request.query.get('continue');
  switch (mode.kind) {
    case 'endless-pages': {
      const page = continueToken
        ? pageNumberOf(continueToken, ENDLESS_PAGE_MARK) + 1
        : 1;
      const items = firstPage(request, limit).map(stored =>
        page === 1 ? stored : renamed(stored, `${stored.name}-page-${page}`),
      );
      sendPage(request, items, `${ENDLESS_PAGE_MARK}${page}`);
      return;
    }
    case 'repeated-continue':
      sendPage(request, firstPage(request, limit), REPEATED_CONTINUE_MARK);
      return;
    case 'huge-page':
      streamHugePage(request, mode.objects, mode.bytesPerObject ?? 0);
      return;
    default:
      throw new Error(`unknown hostile list ${JSON.stringify(mode)}`);
  }
}
