/*
 * Where the watch layer's memory and initial sync time go: the benchmark's simulated clusters in a
 * child process, a ClusterFleet on them here, heap growth per watched object once every cluster
 * synced. PROBE_CLUSTERS (default 200), PROBE_INSTALLS (2000), PROBE_LATENCY_MS (100);
 * PROBE_LIST_REQUESTS sets the fleet's concurrentListRequests; PROBE_FARM_PROFILE=DIR profiles the farm; PROBE_SNAPSHOT=1 also writes a heap snapshot and prints what it holds (heapSnapshotProbe.ts).
 * Run: node --expose-gc --require @backstage/cli/config/nodeTransform.cjs test/bench/src/watchMemoryProbe.ts
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import v8 from 'node:v8';
// The probes measure the plugin's own watch layer from source.
// eslint-disable-next-line no-restricted-imports
import { ClusterFleet } from '../../../plugins/carvel-backend/src/cluster/ClusterFleet';
// eslint-disable-next-line no-restricted-imports
import { defaultWatchSettings } from '../../../plugins/carvel-backend/src/cluster/WatchSettings';
import {
  clusterConfigOf,
  type FarmCluster,
  type FarmReply,
  type FarmRequest,
} from './clusterFarm';
import { summarizeHeapSnapshot } from './heapSnapshotProbe';

const CLUSTERS = Number(process.env.PROBE_CLUSTERS ?? 200);
const INSTALLS = Number(process.env.PROBE_INSTALLS ?? 2000);
const LATENCY_MS = Number(process.env.PROBE_LATENCY_MS ?? 100);
const PACKAGES_PER_CLUSTER = 600;

const quietLogger: any = {
  info() {},
  debug() {},
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
  child: () => quietLogger,
};

function startFarm() {
  // The benchmarks run only from source.
  // eslint-disable-next-line no-restricted-syntax
  const child = fork(path.join(__dirname, 'clusterFarm.ts'), [], {
    execArgv: [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      ...(process.env.PROBE_FARM_PROFILE
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROBE_FARM_PROFILE}`]
        : []),
    ],
  });
  const started = new Promise<FarmCluster[]>(resolve => {
    child.on('message', (reply: FarmReply) => {
      if (reply.type === 'started') resolve(reply.clusters);
    });
  });
  const request: FarmRequest = {
    type: 'start',
    clusters: CLUSTERS,
    installsPerCluster: INSTALLS,
    latencyMs: LATENCY_MS,
  };
  child.send(request);
  return {
    started,
    /** The farm's CPU time so far (Linux /proc), in seconds. */
    cpuSeconds(): number {
      const fields = fs
        .readFileSync(`/proc/${child.pid}/stat`, 'utf8')
        .split(') ')[1]
        .split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    },
    stop: () => child.send({ type: 'stop' } satisfies FarmRequest),
  };
}

const ourCpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

async function settledHeap(): Promise<number> {
  // V8 hands back the startup peak over a few collections.
  for (let i = 0; i < 4; i++) {
    global.gc?.();
    await delay(200);
  }
  return process.memoryUsage().heapUsed;
}

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;

async function main() {
  if (!global.gc) throw new Error('run with node --expose-gc');
  const objects = CLUSTERS * (INSTALLS * 2 + PACKAGES_PER_CLUSTER);
  console.log(
    `watch memory probe: ${CLUSTERS} clusters x (${INSTALLS} PackageInstalls + ${INSTALLS} Apps + ${PACKAGES_PER_CLUSTER} Packages) = ${objects} objects, ${LATENCY_MS} ms latency`,
  );
  const farm = startFarm();
  const clusters = await farm.started;
  const heapBefore = await settledHeap();

  const fleet = new ClusterFleet({
    logger: quietLogger,
    concurrentListRequests: process.env.PROBE_LIST_REQUESTS
      ? Number(process.env.PROBE_LIST_REQUESTS)
      : undefined,
    settings: { ...defaultWatchSettings, requestTimeoutMs: 30_000 },
  });
  const startedSync = performance.now();
  const ourCpuBefore = ourCpuSeconds();
  const farmCpuBefore = farm.cpuSeconds();
  fleet.update(clusters.map(clusterConfigOf));
  const syncedAt: number[] = [];
  const pending = new Set(fleet.clusters());
  let reportAt = 10_000;
  while (pending.size > 0) {
    if (performance.now() - startedSync > reportAt) {
      reportAt += 10_000;
      console.log(
        `  after ${Math.round(reportAt / 1000) - 10} s: ${
          syncedAt.length
        } clusters synced, ${pending.size} syncing`,
      );
    }
    for (const cluster of pending) {
      if (cluster.state === 'synced') {
        pending.delete(cluster);
        syncedAt.push(performance.now() - startedSync);
      } else if (cluster.state === 'error') {
        throw new Error(`${cluster.name}: ${cluster.error?.message}`);
      }
    }
    await delay(20);
  }
  const ourCpu = ourCpuSeconds() - ourCpuBefore;
  const farmCpu = farm.cpuSeconds() - farmCpuBefore;
  syncedAt.sort((a, b) => a - b);
  const at = (p: number) =>
    Math.round(syncedAt[Math.ceil(p * syncedAt.length) - 1]);
  console.log(
    `initial sync: first cluster ${at(0.01)} ms, half ${at(
      0.5,
    )} ms, every cluster ${at(1)} ms; ${fleet.requestCount} requests`,
  );
  console.log(
    `CPU time during the sync: ours ${ourCpu.toFixed(
      1,
    )} s, the simulated clusters' ${farmCpu.toFixed(1)} s (2 cores shared)`,
  );

  const heapAfter = await settledHeap();
  const growth = heapAfter - heapBefore;
  const { rss, external } = process.memoryUsage();
  console.log(
    `JS heap ${mb(heapBefore)} -> ${mb(heapAfter)}: +${mb(growth)}, ${(
      growth / objects
    ).toFixed(0)} bytes per watched object (RSS ${mb(rss)}, external ${mb(
      external,
    )})`,
  );

  if (process.env.PROBE_SNAPSHOT) {
    const file = v8.writeHeapSnapshot(
      path.join(os.tmpdir(), `watchMemoryProbe-${process.pid}.heapsnapshot`),
    );
    console.log(`heap snapshot: ${file}`);
    summarizeHeapSnapshot(file, objects);
  }
  fleet.stop();
  farm.stop();
  setTimeout(() => process.exit(0), 500).unref();
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
