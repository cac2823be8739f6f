/*
 * The hostile-cluster benchmark's simulated clusters, in a child process so that the benchmark
 * process's RSS is the backend's own: one healthy cluster and one made hostile. Talks over IPC.
 */
// The benchmarks measure the plugin's own services from source, with its test fixtures.
// eslint-disable-next-line no-restricted-imports
import {
  hostileClusters,
  HostileSizes,
  SimulatedCluster,
  startClusterWithApp,
} from '../../../plugins/carvel-backend/src/__testUtils__/simulatedClusters';
import type { FarmCluster } from './clusterFarm';

/** Past the backend's default limits (64 MiB per page, 100,000 objects, depth 64). */
export const BENCH_HOSTILE_SIZES: HostileSizes = {
  hugePageObjects: 150_000,
  hugePageBytesPerObject: 500,
  nestingDepth: 10_000,
};

export type HostRequest =
  | { type: 'start'; hostile: string }
  | { type: 'resetRequests' }
  | { type: 'report' };

export interface HostReport {
  type: 'report';
  /** Requests for the hostile resource, by verb, and all requests, per cluster. */
  hostileResource: Record<string, number>;
  hostileTotal: number;
  healthyTotal: number;
  openWatches: { healthy: number; hostile: number };
}

export type HostReply =
  | { type: 'started'; clusters: FarmCluster[] }
  | { type: 'reset' }
  | HostReport;

const farmClusterOf = (c: SimulatedCluster): FarmCluster => ({
  name: c.name,
  url: c.url,
  token: c.token,
  caData: c.caData,
});

function byVerb(cluster: SimulatedCluster, resource: string) {
  const counts: Record<string, number> = {};
  for (const verb of ['list', 'watch', 'get']) {
    counts[verb] = cluster.requests.count({ verb, resource });
  }
  return counts;
}

async function main() {
  let healthy: SimulatedCluster | undefined;
  let hostile: SimulatedCluster | undefined;
  let resource = '';
  const send = (reply: HostReply) => process.send!(reply);
  process.on('message', async (request: HostRequest) => {
    if (request.type === 'start') {
      const hostileCluster = hostileClusters.find(
        h => h.name === request.hostile,
      );
      if (!hostileCluster) throw new Error(`no ${request.hostile}`);
      resource = hostileCluster.resource;
      healthy = await startClusterWithApp('healthy');
      hostile = await startClusterWithApp('hostile');
      hostileCluster.makeHostile(hostile, BENCH_HOSTILE_SIZES);
      send({
        type: 'started',
        clusters: [healthy, hostile].map(farmClusterOf),
      });
    } else if (request.type === 'resetRequests') {
      healthy?.requests.reset();
      hostile?.requests.reset();
      send({ type: 'reset' });
    } else if (request.type === 'report' && healthy && hostile) {
      send({
        type: 'report',
        hostileResource: byVerb(hostile, resource),
        hostileTotal: hostile.requests.total,
        healthyTotal: healthy.requests.total,
        openWatches: {
          healthy: healthy.openWatchCount,
          hostile: hostile.openWatchCount,
        },
      });
    }
  });
}

main();
