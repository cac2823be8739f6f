import type { KubeApiServer } from '@carvel-gitops/kube-apiserver-sim';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Demo only: lets the browser tests take a simulated cluster off the network and bring it back.
 * `POST /clusters/<name>/unreachable` and `POST /clusters/<name>/reachable`, on 127.0.0.1 only.
 */
export async function startDemoControl(
  clusters: KubeApiServer[],
  port: number,
) {
  const server = http.createServer(async (request, response) => {
    const match = /^\/clusters\/([^/]+)\/(unreachable|reachable)$/.exec(
      request.url ?? '',
    );
    const cluster = match && clusters.find(c => c.name === match[1]);
    if (request.method !== 'POST' || !match || !cluster) {
      response.writeHead(404).end();
      return;
    }
    if (match[2] === 'unreachable') await cluster.faults.refuseConnections();
    else await cluster.faults.acceptConnections();
    response.writeHead(204).end();
  });
  await new Promise<void>(resolve => server.listen(port, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}
