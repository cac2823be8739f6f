/*
 * `npm run bench`: our status endpoint and the Backstage Kubernetes plugin's, both through one real
 * backend (benchBackend.js: auth, catalog, permissions, our plugins compiled) against the same
 * simulated clusters, called over HTTP with a guest user's token from this separate process.
 */
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { BenchBackend, startBenchBackend } from './benchBackendProcess';
import {
  fetchJson,
  PageView,
  signInAsGuest,
  timeConcurrent,
  timeSequential,
  waitFor,
} from './benchClient';
import { benchReportLines, Measured } from './printBenchReport';
import { checkSameInstalls } from './sameInstalls';
import { PACKAGES_PER_CLUSTER } from './clusterFarm';
import { Farm, startFarm } from './farmClient';

const CLUSTERS = Number(process.env.BENCH_CLUSTERS ?? 50);
const INSTALLS = Number(process.env.BENCH_INSTALLS ?? 2000);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 100);
const PAGE_VIEWS = Number(process.env.BENCH_PAGE_VIEWS ?? 500);
const BASELINE_PAGE_VIEWS = Number(process.env.BENCH_BASELINE_PAGE_VIEWS ?? 30);
const CHANGES = Number(process.env.BENCH_CHANGES ?? 50);
const CPU_PROFILE_DIR = process.env.BENCH_CPU_PROF;
/** Each poll costs the backend an authenticated, authorized request: often enough to time the sync, rare enough not to slow it. */
const SYNC_POLL_MS = 250;
const HEAP_SNAPSHOT = process.env.BENCH_HEAP_SNAPSHOT;
const CALLERS = 10;

/** The lowest heap of a few readings 2 s apart: what stays once the sync's leftovers are collected. */
async function settledMemory(backend: BenchBackend, readings: number) {
  let lowest: NodeJS.MemoryUsage | undefined;
  for (let i = 0; i < readings; i++) {
    await delay(2000);
    const usage = await backend.memory();
    if (!lowest || usage.heapUsed < lowest.heapUsed) lowest = usage;
  }
  return lowest!;
}

function log(message: string) {
  process.stderr.write(`[bench] ${message}\n`);
}

async function main() {
  console.log(
    `Carvel status benchmark: ${CLUSTERS} clusters x (${INSTALLS} PackageInstalls + ${INSTALLS} Apps + ${PACKAGES_PER_CLUSTER} Packages), ${LATENCY_MS} ms added latency per cluster request; both plugins in one real backend (compiled), called over HTTP`,
  );
  const farm = startFarm();
  try {
    await benchmark(farm);
  } finally {
    farm.stop();
  }
  setTimeout(() => process.exit(0), 500).unref();
}

async function benchmark(farm: Farm) {
  const objects = CLUSTERS * (INSTALLS * 2 + PACKAGES_PER_CLUSTER);
  const clusters = await farm.start({
    clusters: CLUSTERS,
    installsPerCluster: INSTALLS,
    latencyMs: LATENCY_MS,
  });
  const backend = await startBenchBackend({
    clusters,
    cpuProfileDir: CPU_PROFILE_DIR && path.resolve(CPU_PROFILE_DIR),
  });
  const stopCpuProfile = async (phase: string, what: string) => {
    if (!CPU_PROFILE_DIR) return;
    const file = path.resolve(
      CPU_PROFILE_DIR,
      `carvel-${phase}-${Date.now()}.cpuprofile`,
    );
    await backend.stopCpuProfile(file);
    log(`CPU profile of ${what}: ${file}`);
  };
  try {
    const token = await signInAsGuest(backend.baseUrl);
    const entity = await waitFor(
      'the catalog has component:default/app',
      () =>
        fetchJson(
          {
            url: `${backend.baseUrl}/api/catalog/entities/by-name/component/default/app`,
          },
          token,
        ),
      120_000,
      500,
    );
    const memoryBefore = await settledMemory(backend, 3);

    log(`watching ${CLUSTERS} clusters`);
    if (CPU_PROFILE_DIR) await backend.startCpuProfile();
    const startedSync = performance.now();
    backend.watchClusters(clusters);
    const clustersView = { url: `${backend.baseUrl}/api/carvel/clusters` };
    await waitFor(
      'every cluster synced',
      async () => {
        const { items } = await fetchJson(clustersView, token);
        const synced = items.filter((c: any) => c.state === 'synced').length;
        return items.length === CLUSTERS && synced === CLUSTERS
          ? true
          : undefined;
      },
      600_000,
      SYNC_POLL_MS,
    );
    const syncMs = performance.now() - startedSync;
    log(`synced in ${Math.round(syncMs)} ms`);
    await stopCpuProfile('sync', 'the first sync');
    const memoryAfter = await settledMemory(backend, 5);
    if (HEAP_SNAPSHOT) {
      log(
        `heap snapshot: ${await backend.writeHeapSnapshot(
          path.resolve(HEAP_SNAPSHOT),
        )}`,
      );
    }

    const ours: PageView = {
      url: `${backend.baseUrl}/api/carvel/status/default/component/app`,
    };
    const theirs: PageView = {
      url: `${backend.baseUrl}/api/kubernetes/services/app`,
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ entity }),
      },
    };

    const ourAnswer = await fetchJson(ours, token);
    const theirAnswer = await fetchJson(theirs, token);
    const installs = checkSameInstalls(ourAnswer, theirAnswer, CLUSTERS);
    log(
      `both answers hold the entity's PackageInstalls of all ${CLUSTERS} clusters (${installs} in all)`,
    );

    const measure = async (
      view: PageView,
      views: number,
    ): Promise<Measured> => {
      await timeSequential(view, token, Math.min(views, 20));
      const requestsBefore = await farm.requestCount();
      const sequential = await timeSequential(view, token, views);
      const clusterRequestsPerView =
        ((await farm.requestCount()) - requestsBefore) / views;
      const concurrent = await timeConcurrent(
        view,
        token,
        CALLERS,
        Math.max(1, Math.ceil(views / CALLERS)),
      );
      return { sequential, concurrent, clusterRequestsPerView };
    };

    log(
      `our status endpoint: ${PAGE_VIEWS} page views, then ${CALLERS} callers`,
    );
    if (CPU_PROFILE_DIR) await backend.startCpuProfile();
    const ourFigures = await measure(ours, PAGE_VIEWS);
    await stopCpuProfile('read', 'our read phase');

    log(`${CHANGES} changes on the clusters`);
    const changeLatencies = await timeChanges(farm, ours, token);

    log(
      `the Kubernetes plugin: ${BASELINE_PAGE_VIEWS} page views, then ${CALLERS} callers`,
    );
    const theirFigures = await measure(theirs, BASELINE_PAGE_VIEWS);

    console.log('');
    console.log(
      `machine: ${os.cpus().length} cores, load average ${os
        .loadavg()
        .map(load => load.toFixed(1))
        .join(' / ')} (1 / 5 / 15 min) at the end`,
    );
    const lines = benchReportLines({
      callers: CALLERS,
      ours: ourFigures,
      theirs: theirFigures,
      syncMs,
      objects,
      heapGrowth: memoryAfter.heapUsed - memoryBefore.heapUsed,
      rssGrowth: memoryAfter.rss - memoryBefore.rss,
      memoryAfter,
      changeLatencies,
    });
    for (const line of lines) console.log(line);
  } finally {
    await backend.stop();
  }

  async function timeChanges(
    f: Farm,
    view: PageView,
    token: string,
  ): Promise<number[]> {
    const latencies: number[] = [];
    for (let i = 0; i < CHANGES; i++) {
      const marker = `bench-change-${i}`;
      const cluster = i % CLUSTERS;
      const started = performance.now();
      await f.change(cluster, marker);
      for (;;) {
        const body = await fetchJson(view, token);
        const installs = body.clusters.find(
          (c: any) => c.name === clusters[cluster].name,
        )?.packageInstalls;
        if (installs?.some((p: any) => p.message === marker)) break;
        if (performance.now() - started > 10_000) {
          throw new Error(`change ${i} not visible after 10 s`);
        }
        await delay(2);
      }
      latencies.push(performance.now() - started);
    }
    return latencies;
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
