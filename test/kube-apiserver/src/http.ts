import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  ApiError,
  Status,
  badRequest,
  failureStatus,
  serviceUnavailable,
} from './errors';
import type { UnavailableBody } from './faults';
import { JsonObject, isJsonObject } from './resources';

/** The API server's request body limit. */
const MAX_BODY_BYTES = 3 * 1024 * 1024;

export function sendJson(
  response: ServerResponse,
  code: number,
  body: string | readonly string[] | JsonObject,
): void {
  let chunks: readonly string[];
  if (typeof body === 'string') chunks = [body];
  else if (Array.isArray(body)) chunks = body;
  else chunks = [JSON.stringify(body)];
  let length = 0;
  for (const chunk of chunks) length += Buffer.byteLength(chunk);
  response.writeHead(code, {
    'Content-Type': 'application/json',
    'Content-Length': length,
    'Cache-Control': 'no-cache, private',
  });
  // Corked, the pieces reach the socket as one write; end() uncorks.
  response.cork();
  for (const chunk of chunks) response.write(chunk);
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
