import type { KubeConfig } from '@kubernetes/client-node';
import http from 'node:http';
import https from 'node:https';
import { KeepAliveAgents } from './KeepAliveAgents';
import { formatBytes } from './WatchSettings';

/** A non-2xx answer; `code` and `body` are what classifyClusterError reads. */
export class KubeHttpError extends Error {
  constructor(readonly code: number, readonly body: unknown) {
    super(`HTTP ${code}`);
    this.name = 'KubeHttpError';
  }
}

export class ResponseTooLargeError extends Error {
  constructor(what: string, maxBytes: number) {
    super(`${what} exceeded ${formatBytes(maxBytes)}`);
    this.name = 'ResponseTooLargeError';
  }
}

export type KubeQuery = Record<string, string | number | boolean | undefined>;

/** Sends a GET to the cluster; resolves with the body stream once a 2xx status line arrived. */
export type KubeRequest = (
  path: string,
  query: KubeQuery,
  signal: AbortSignal,
) => Promise<AsyncIterable<Buffer>>;

const ERROR_BODY_BYTES = 64 * 1024;

/** Reads a whole body's bytes, refusing one larger than `maxBytes` without buffering the rest. */
export async function readBodyBytes(
  body: AsyncIterable<Buffer>,
  maxBytes: number,
  what: string,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    total += chunk.length;
    if (total > maxBytes) throw new ResponseTooLargeError(what, maxBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Reads a whole body as text, refusing one larger than `maxBytes` without buffering the rest. */
export async function readBody(
  body: AsyncIterable<Buffer>,
  maxBytes: number,
  what: string,
): Promise<string> {
  return (await readBodyBytes(body, maxBytes, what)).toString('utf8');
}

async function errorFrom(response: http.IncomingMessage): Promise<Error> {
  let body: unknown;
  try {
    const text = await readBody(response, ERROR_BODY_BYTES, 'error body');
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  } catch {
    body = undefined;
  } finally {
    response.destroy();
  }
  return new KubeHttpError(response.statusCode ?? 0, body);
}

/**
 * Requests with exactly the TLS, CA, client certificate and credentials client-node would use
 * for this KubeConfig, but hands back the raw body so callers bound what they read of it.
 * Aborting the signal destroys the socket, before or after the response started.
 */
export function kubeRequestFor(
  kubeConfig: KubeConfig,
  agents = new KeepAliveAgents(),
): KubeRequest {
  return async (path, query, signal) => {
    const cluster = kubeConfig.getCurrentCluster();
    if (!cluster?.server) throw new Error('the kubeconfig names no cluster');
    const url = new URL(cluster.server.replace(/\/+$/, '') + path);
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const options: https.RequestOptions = {
      method: 'GET',
      headers: { Accept: 'application/json' },
    };
    await kubeConfig.applyToHTTPSOptions(options);
    // A proxy's agent is client-node's own; otherwise connections are kept per cluster.
    if (!cluster.proxyUrl)
      options.agent = agents.agentFor(options, url.protocol);
    signal.throwIfAborted();
    const transport = url.protocol === 'http:' ? http : https;
    return new Promise((resolve, reject) => {
      const request = transport.request(url, options);
      const abort = () => request.destroy(signal.reason);
      signal.addEventListener('abort', abort, { once: true });
      request.once('close', () => signal.removeEventListener('abort', abort));
      request.once('error', reject);
      request.once('response', response => {
        const status = response.statusCode ?? 0;
        if (status >= 200 && status < 300) resolve(response);
        else errorFrom(response).then(reject, reject);
      });
      request.end();
    });
  };
}
