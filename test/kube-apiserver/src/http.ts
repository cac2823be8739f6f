import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  ApiError,
  Status,
  badRequest,
  failureStatus,
  serviceUnavailable,
} from './errors';
import { BufferPool } from './bufferPool';
import type { UnavailableBody } from './faults';
import { JsonObject, isJsonObject } from './resources';

/** The API server's request body limit. */
const MAX_BODY_BYTES = 3 * 1024 * 1024;

/** Pieces of list bodies are copied into these while the socket sends them. */
const bodyBuffers = new BufferPool(64 * 1024, 512);

/**
 * Writes `pieces` to the corked response through pooled buffers, given back once the response
 * has been handed to the socket: a piece's string kept until then outlives young-generation GCs.
 */
function writePieces(
  response: ServerResponse,
  pieces: readonly string[],
): void {
  const taken: Buffer[] = [];
  for (const piece of pieces) {
    if (piece.length > bodyBuffers.bufferBytes / 3) {
      const size = Buffer.byteLength(piece);
      if (size > bodyBuffers.bufferBytes) {
        response.write(piece);
        continue;
      }
    }
    const buffer = bodyBuffers.take();
    taken.push(buffer);
    response.write(buffer.subarray(0, buffer.write(piece)));
  }
  if (taken.length > 0) {
    response.once('finish', () => bodyBuffers.give(taken));
  }
}

export function sendJson(
  response: ServerResponse,
  code: number,
  body: string | readonly string[] | JsonObject,
): void {
  let pieces: readonly string[];
  if (typeof body === 'string') pieces = [body];
  else if (Array.isArray(body)) pieces = body;
  else pieces = [JSON.stringify(body)];
  let length = 0;
  for (const piece of pieces) length += Buffer.byteLength(piece);
  response.writeHead(code, {
    'Content-Type': 'application/json',
    'Content-Length': length,
    'Cache-Control': 'no-cache, private',
  });
  // Corked, the pieces reach the socket as one write; end() uncorks.
  response.cork();
  if (pieces.length > 1) writePieces(response, pieces);
  else if (pieces.length === 1) response.write(pieces[0]);
  response.end();
}

export function sendStatus(response: ServerResponse, status: Status): void {
  sendJson(response, status.code, status as unknown as JsonObject);
}

export function sendText(
  response: ServerResponse,
  code: number,
  text: string,
): void {
  response.writeHead(code, {
    'Content-Type': 'text/plain; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
}

/** What the API server answers for paths nothing serves, e.g. a resource whose CRD is missing. */
export function sendPageNotFound(response: ServerResponse): void {
  sendText(response, 404, '404 page not found\n');
}

export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      throw new ApiError(
        failureStatus(
          413,
          'RequestEntityTooLarge',
          'Request entity too large: limit is 3145728',
        ),
      );
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const text = await readBody(request);
  if (text.trim() === '') {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw badRequest(
      `couldn't get version/kind; json parse error: ${
        (error as Error).message
      }`,
    );
  }
}

const JSON_CONTENT_TYPES = new Set(['', 'application/json', '*/*']);

/** Create and update bodies; protobuf and YAML bodies are not understood. */
export async function readJsonObjectBody(
  request: IncomingMessage,
): Promise<JsonObject> {
  const contentType = contentTypeOf(request);
  if (!JSON_CONTENT_TYPES.has(contentType)) {
    request.resume();
    throw new ApiError(
      failureStatus(
        415,
        'UnsupportedMediaType',
        `the body of the request was in an unknown format - accepted media types include: application/json (got ${contentType})`,
      ),
    );
  }
  const body = await readJsonBody(request);
  if (!isJsonObject(body)) {
    throw badRequest('the request body must be a JSON object');
  }
  return body;
}

export function contentTypeOf(request: IncomingMessage): string {
  return (request.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
}

/** The aggregated API's 503, as a Status or as kube-aggregator's own plain text. */
export function sendServiceUnavailable(
  response: ServerResponse,
  body: UnavailableBody,
): void {
  if (body === 'text') {
    sendText(response, 503, 'service unavailable\n');
  } else {
    sendStatus(response, serviceUnavailable().status);
  }
}
