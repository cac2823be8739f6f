import http from 'node:http';
import https from 'node:https';

/** What decides a TLS connection; client-node reads them from the kubeconfig on every request. */
const CONNECTION_OPTIONS = [
  'ca',
  'cert',
  'key',
  'pfx',
  'passphrase',
  'rejectUnauthorized',
  'servername',
] as const;

const sameValue = (a: unknown, b: unknown) =>
  a === b || (Buffer.isBuffer(a) && Buffer.isBuffer(b) && a.equals(b));

/**
 * One keep-alive agent per cluster while its TLS material stays the same, so list pages and
 * watches reuse connections instead of paying a TLS handshake each (client-node makes a new
 * agent per request). New material (a rotated certificate) gets a new agent; the old one closes.
 */
export class KeepAliveAgents {
  private agent?: http.Agent;
  private material: unknown[] = [];

  agentFor(options: https.RequestOptions, protocol: string): http.Agent {
    const material = [protocol, ...CONNECTION_OPTIONS.map(key => options[key])];
    if (
      this.agent &&
      material.length === this.material.length &&
      material.every((value, i) => sameValue(value, this.material[i]))
    ) {
      return this.agent;
    }
    this.agent?.destroy();
    const tls = Object.fromEntries(
      CONNECTION_OPTIONS.filter(key => options[key] !== undefined).map(key => [
        key,
        options[key],
      ]),
    );
    this.agent =
      protocol === 'http:'
        ? new http.Agent({ keepAlive: true })
        : new https.Agent({ ...tls, keepAlive: true });
    this.material = material;
    return this.agent;
  }

  /** Closes every connection; a later request opens new ones. */
  destroy(): void {
    this.agent?.destroy();
    this.agent = undefined;
    this.material = [];
  }
}
