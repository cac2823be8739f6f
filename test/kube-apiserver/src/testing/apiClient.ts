import { IncomingHttpHeaders } from 'node:http';
import { Agent, request as httpsRequest } from 'node:https';

/** What tests need to reach a server. */
export interface ServerAddress {
  url: string;
  caData: string;
  token: string;
}

export interface ApiResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json(): any;
}

export interface ApiRequestOptions {
  body?: unknown;
  contentType?: string;
  accept?: string;
  /** null sends no Authorization header. */
  token?: string | null;
}

/** One HTTPS request trusting the server's CA, over a fresh connection. */
export function apiRequest(
  server: ServerAddress,
  method: string,
  path: string,
  options: ApiRequestOptions = {},
): Promise<ApiResponse> {
  const token = options.token === undefined ? server.token : options.token;
  let body: string | undefined;
  if (typeof options.body === 'string') {
    body = options.body;
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
  }
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      `${server.url}${path}`,
      {
        method,
        ca: server.caData,
        agent: new Agent({ keepAlive: false, ca: server.caData }),
        headers: {
          ...(token !== null ? { Authorization: `Bearer ${token}` } : {}),
          ...(options.accept ? { Accept: options.accept } : {}),
          ...(body !== undefined
            ? { 'Content-Type': options.contentType ?? 'application/json' }
            : {}),
        },
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', chunk => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json: () => JSON.parse(text),
          });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export interface WatchEvent {
  type: string;
  object: any;
}

/** An open watch whose events are collected as they arrive. */
export interface WatchClient {
  status: number;
  events: WatchEvent[];
  /** Resolves when the server ends the stream, with the error if the connection broke. */
  ended: Promise<Error | undefined>;
  waitForEvents(count: number, timeoutMs?: number): Promise<WatchEvent[]>;
  close(): void;
}

export async function waitUntil(
  condition: () => boolean,
  timeoutMs = 5000,
  description = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for ${description}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 5));
  }
}

export function openWatch(
  server: ServerAddress,
  path: string,
  options: { accept?: string } = {},
): Promise<WatchClient> {
  return new Promise((resolve, reject) => {
    const events: WatchEvent[] = [];
    let resolveEnded: (error: Error | undefined) => void = () => {};
    const ended = new Promise<Error | undefined>(r => {
      resolveEnded = r;
    });
    const req = httpsRequest(`${server.url}${path}`, {
      method: 'GET',
      ca: server.caData,
      agent: new Agent({ keepAlive: false, ca: server.caData }),
      headers: {
        Authorization: `Bearer ${server.token}`,
        ...(options.accept ? { Accept: options.accept } : {}),
      },
    });
    req.on('error', error => {
      resolveEnded(error);
      reject(error);
    });
    req.on('response', res => {
      let buffered = '';
      res.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('utf8');
        let newline = buffered.indexOf('\n');
        while (newline >= 0) {
          const line = buffered.slice(0, newline);
          buffered = buffered.slice(newline + 1);
          if (line.trim()) events.push(JSON.parse(line));
          newline = buffered.indexOf('\n');
        }
      });
      res.on('error', error => resolveEnded(error));
      res.on('aborted', () => resolveEnded(new Error('aborted')));
      res.on('end', () => resolveEnded(undefined));
      res.on('close', () =>
        resolveEnded(
          res.complete
            ? undefined
            : new Error('connection closed before the stream ended'),
        ),
      );
      resolve({
        status: res.statusCode ?? 0,
        events,
        ended,
        async waitForEvents(count, timeoutMs = 5000) {
          await waitUntil(
            () => events.length >= count,
            timeoutMs,
            `${count} watch events (have ${events.length}: ${JSON.stringify(
              events.map(e => e.type),
            )})`,
          );
          return events.slice(0, count);
        },
        close() {
          req.destroy();
        },
      });
    });
    req.end();
  });
}
