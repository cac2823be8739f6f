/*
 * `npm run bench`: the status endpoint served from the watchers' memory, against a per-request
 * fan-out baseline that lists every cluster on every page view (as the Backstage Kubernetes plugin
 * does), both against the same simulated clusters in the same run.
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { measureBaseline } from './fanOutBaseline';
import { FarmCluster, FarmReply, FarmRequest } from './clusterFarm';
import { startStatusServer } from './statusServer';

const CLUSTERS = Number(process.env.BENCH_CLUSTERS ?? 50);
const INSTALLS = Number(process.env.BENCH_INSTALLS ?? 2000);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 100);
const PAGE_VIEWS = Number(process.env.BENCH_PAGE_VIEWS ?? 500);
const BASELINE_PAGE_VIEWS = Number(process.env.BENCH_BASELINE_PAGE_VIEWS ?? 30);
const CHANGES = 20;

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

function startFarm() {
  // The benchmarks run only from source.
  // eslint-disable-next-line no-restricted-syntax
  const child = fork(path.join(__dirname, 'clusterFarm.ts'), [], {
    execArgv: [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
    ],
  });
  let nextId = 1;
  const call = <T extends FarmReply>(
    request: FarmRequest,
    type: T['type'],
    id?: number,
  ): Promise<T> =>
    new Promise(resolve => {
      const onMessage = (reply: FarmReply) => {
        if (
          reply.type === type &&
          (id === undefined || (reply as any).id === id)
        ) {
          child.off('message', onMessage);
          resolve(reply as T);
        }
      };
      child.on('message', onMessage);
      child.send(request);
    });
  return {
    start: () =>
      call<Extract<FarmReply, { type: 'started' }>>(
        {
          type: 'start',
          clusters: CLUSTERS,
          installsPerCluster: INSTALLS,
          latencyMs: LATENCY_MS,
        },
        'started',
      ).then(r => r.clusters),
    change: (cluster: number, marker: string) => {
      const id = nextId++;
      return call({ type: 'change', id, cluster, marker }, 'changed', id);
    },
    requestCount: () => {
      const id = nextId++;
      return call<Extract<FarmReply, { type: 'requestCount' }>>(
        { type: 'requestCount', id },
        'requestCount',
        id,
      ).then(r => r.total);
    },
    stop: () => child.send({ type: 'stop' }),
  };
}

async function timePageViews(url: string, count: number) {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const response = await fetch(url);
    await response.json();
    samples.push(performance.now() - started);
  }
  return samples;
}

function row(label: string, ours: string, baseline: string, ratio: string) {
  console.log(
    `${label.padEnd(34)}${ours.padStart(14)}${baseline.padStart(
      14,
    )}${ratio.padStart(12)}`,
  );
}

async function main() {
  console.log(
    `Carvel status benchmark: ${CLUSTERS} clusters x ${INSTALLS} PackageInstalls (+ as many Apps), ${LATENCY_MS} ms added latency per cluster request`,
  );
  global.gc?.();
  const rssBeforeMb = process.memoryUsage().rss / 1024 / 1024;
  const heapBeforeMb = process.memoryUsage().heapUsed / 1024 / 1024;
  const farm = startFarm();
  const clusters: FarmCluster[] = await farm.start();
  const startedSync = performance.now();
  const server = await startStatusServer(clusters);
  await server.whenSynced();
  console.log(
    `initial sync of all clusters: ${Math.round(
      performance.now() - startedSync,
    )} ms`,
  );

  const url = `${server.url}/status/default/component/app`;
  await timePageViews(url, 50);
  const requestsBefore = await farm.requestCount();
  const ours = await timePageViews(url, PAGE_VIEWS);
  const oursRequestsPerView =
    ((await farm.requestCount()) - requestsBefore) / PAGE_VIEWS;

  // Steady state, as a long-running backend sees it: V8 hands back the startup peak over a few collections.
  for (let i = 0; i < 5; i++) {
    global.gc?.();
    await delay(1000);
  }
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  console.log(
    `memory detail: heapTotal ${(heapTotal / 1048576).toFixed(
      0,
    )} MB, external ${(external / 1048576).toFixed(0)} MB`,
  );
  const rssMb = rss / 1024 / 1024;
  const heapMb = heapUsed / 1024 / 1024;

  const changeLatencies: number[] = [];
  for (let i = 0; i < CHANGES; i++) {
    const marker = `bench-change-${i}`;
    const cluster = i % CLUSTERS;
    const started = performance.now();
    await farm.change(cluster, marker);
    for (;;) {
      const body: any = await (await fetch(url)).json();
      if (
        body.clusters[cluster].packageInstalls.some(
          (p: any) => p.message === marker,
        )
      )
        break;
      if (performance.now() - started > 10_000)
        throw new Error(`change ${i} not visible after 10 s`);
      await delay(2);
    }
    changeLatencies.push(performance.now() - started);
  }

  // Our watchers stop, so the baseline's request count is its own.
  server.stop();
  const baselineRequestsBefore = await farm.requestCount();
  const baseline = await measureBaseline(clusters, BASELINE_PAGE_VIEWS);
  const baselineRequestsPerView =
    ((await farm.requestCount()) - baselineRequestsBefore) /
    BASELINE_PAGE_VIEWS;

  const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
  console.log('');
  row('', 'watch cache', 'fan-out', 'ratio');
  row(
    'status endpoint p50',
    fmt(percentile(ours, 50)),
    fmt(percentile(baseline, 50)),
    `${(percentile(baseline, 50) / percentile(ours, 50)).toFixed(1)}x`,
  );
  row(
    'status endpoint p99',
    fmt(percentile(ours, 99)),
    fmt(percentile(baseline, 99)),
    `${(percentile(baseline, 99) / percentile(ours, 99)).toFixed(1)}x`,
  );
  row(
    'cluster requests per page view',
    oursRequestsPerView.toFixed(2),
    baselineRequestsPerView.toFixed(2),
    '',
  );
  console.log('');
  console.log(
    `backend RSS (watching ${
      CLUSTERS * INSTALLS * 2
    } objects + Packages): ${rssMb.toFixed(0)} MB ` +
      `(${rssBeforeMb.toFixed(
        0,
      )} MB before any cluster; JS heap in use ${heapMb.toFixed(
        0,
      )} MB, ${heapBeforeMb.toFixed(0)} MB before)`,
  );
  console.log(
    `change on a cluster -> visible in the API: p50 ${fmt(
      percentile(changeLatencies, 50),
    )}, max ${fmt(Math.max(...changeLatencies))}`,
  );
  console.log('');
  const checks: Array<[string, boolean]> = [
    ['p99 <= 25 ms', percentile(ours, 99) <= 25],
    [
      '>= 20x the baseline (p50)',
      percentile(baseline, 50) / percentile(ours, 50) >= 20,
    ],
    ['RSS <= 300 MB', rssMb <= 300],
    ['change visible <= 1 s', Math.max(...changeLatencies) <= 1000],
  ];
  for (const [target, met] of checks)
    console.log(`${met ? 'met    ' : 'MISSED '} ${target}`);

  farm.stop();
  setTimeout(() => process.exit(0), 500).unref();
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
