import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { setTimeout as delay } from 'node:timers/promises';

/** A signed-in user of the bench backend: a guest token, as the app would get it. */
export async function signInAsGuest(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  if (!response.ok) {
    throw new Error(`guest sign-in answered ${response.status}`);
  }
  const body: any = await response.json();
  const token = body?.backstageIdentity?.token;
  if (typeof token !== 'string') throw new Error('guest sign-in gave no token');
  return token;
}

export interface PageView {
  url: string;
  init?: RequestInit;
}

export async function fetchJson(view: PageView, token: string): Promise<any> {
  return (await fetchJsonTimed(view, token)).body;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/**
 * One request over a kept-alive connection, gzip accepted as a browser does, the whole answer read
 * and decompressed. node:http, not fetch: undici's fetch took more CPU per page view than the
 * backend answering it, so the client, not the backend, set the pace.
 */
function request(
  view: PageView,
  token: string,
): Promise<{ status: number; text: string }> {
  const body = view.init?.body as string | undefined;
  return new Promise((resolve, reject) => {
    const sent = http.request(
      view.url,
      {
        method: view.init?.method ?? 'GET',
        agent,
        headers: {
          ...(view.init?.headers as Record<string, string>),
          authorization: `Bearer ${token}`,
          'accept-encoding': 'gzip',
          ...(body !== undefined
            ? { 'content-length': String(Buffer.byteLength(body)) }
            : {}),
        },
      },
      response => {
        const chunks: Buffer[] = [];
        response.on('data', chunk => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          try {
            const bytes = Buffer.concat(chunks);
            const text = (
              response.headers['content-encoding'] === 'gzip'
                ? gunzipSync(bytes)
                : bytes
            ).toString('utf8');
            resolve({ status: response.statusCode ?? 0, text });
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    sent.on('error', reject);
    sent.end(body);
  });
}

/** Fetches and parses an answer; `receivedMs` counts until its whole text had arrived, before parsing. */
async function fetchJsonTimed(
  view: PageView,
  token: string,
): Promise<{ body: any; receivedMs: number }> {
  const started = performance.now();
  const { status, text } = await request(view, token);
  const receivedMs = performance.now() - started;
  if (status < 200 || status >= 300) {
    throw new Error(`${view.url} answered ${status}: ${text.slice(0, 500)}`);
  }
  return { body: JSON.parse(text), receivedMs };
}

/** Polls until `read` gives a value (not undefined) or the deadline passes. */
export async function waitFor<T>(
  what: string,
  read: () => Promise<T | undefined>,
  timeoutMs: number,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      throw new Error(`${what}: not after ${timeoutMs} ms`);
    }
    await delay(intervalMs);
  }
}

/** Page view durations in ms: until the answer was parsed, and until it had arrived, unparsed. */
export interface PageViewTimes {
  parsed: number[];
  received: number[];
}

/** Durations of `count` page views one after the other. */
export async function timeSequential(
  view: PageView,
  token: string,
  count: number,
): Promise<PageViewTimes> {
  const times: PageViewTimes = { parsed: [], received: [] };
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const { receivedMs } = await fetchJsonTimed(view, token);
    times.parsed.push(performance.now() - started);
    times.received.push(receivedMs);
  }
  return times;
}

/** Durations of the page views of `callers` users at once, each making `perCaller` views in a row. */
export async function timeConcurrent(
  view: PageView,
  token: string,
  callers: number,
  perCaller: number,
): Promise<PageViewTimes> {
  const all = await Promise.all(
    Array.from({ length: callers }, () =>
      timeSequential(view, token, perCaller),
    ),
  );
  return {
    parsed: all.flatMap(times => times.parsed),
    received: all.flatMap(times => times.received),
  };
}
