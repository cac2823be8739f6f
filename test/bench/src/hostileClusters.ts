/*
 * `npm run bench -- hostile`: the real backend plugin, with its default limits, next to one healthy
 * and one hostile cluster at a time, for BENCH_HOSTILE_SECONDS (60) each. Prints per hostile
 * cluster what the backend reported, its peak RSS growth and the hostile cluster's requests.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ChildProcess, fork } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
// The benchmarks measure the plugin's own services from source, with its test fixtures.
// eslint-disable-next-line no-restricted-imports
import {
  APP_ENTITY,
  recordingLoggerFactory,
} from '../../../plugins/carvel-backend/src/__testUtils__/backendFixtures';
// eslint-disable-next-line no-restricted-imports
import { hostileClusters } from '../../../plugins/carvel-backend/src/__testUtils__/simulatedClusters';
import { carvelPlugin } from '../../../plugins/carvel-backend/src/plugin';
import { clusterConfigOf } from './clusterFarm';
import type { HostReply, HostReport, HostRequest } from './hostileClusterHost';

const SECONDS = Number(process.env.BENCH_HOSTILE_SECONDS ?? 60);
const ONLY = process.env.BENCH_HOSTILE_ONLY;
const MiB = 1024 * 1024;

interface CaseResult {
  name: string;
  reported: string;
  healthyAlwaysOk: boolean;
  slowestStatusMs: number;
  peakRssGrowthMiB: number;
  requests: HostReport;
  warnings: number;
}

function startHost() {
  // The benchmarks run only from source.
  // eslint-disable-next-line no-restricted-syntax
  const child = fork(path.join(__dirname, 'hostileClusterHost.ts'), [], {
    execArgv: [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
    ],
  });
  const call = <T extends HostReply>(
    request: HostRequest,
    type: T['type'],
  ): Promise<T> =>
    new Promise(resolve => {
      const onMessage = (reply: HostReply) => {
        if (reply.type !== type) return;
        child.off('message', onMessage);
        resolve(reply as T);
      };
      child.on('message', onMessage);
      child.send(request);
    });
  return { child, call };
}

function describeCluster(cluster: any): string {
  if (!cluster) return 'missing';
  if (cluster.state === 'error') {
    return `${cluster.error?.type}: ${cluster.error?.message}`;
  }
  const installs = (cluster.packageInstalls ?? []).map((i: any) => i.name);
  return `${cluster.state}, installs [${installs.join(', ')}]`;
}

async function runCase(name: string): Promise<CaseResult> {
  const { child, call } = startHost();
  try {
    const { clusters } = await call<Extract<HostReply, { type: 'started' }>>(
      { type: 'start', hostile: name },
      'started',
    );
    global.gc?.();
    await delay(200);
    const baseline = process.memoryUsage.rss();
    let peak = baseline;
    const warnings: string[] = [];
    const backend = await startTestBackend({
      features: [
        carvelPlugin,
        catalogServiceMock.factory({ entities: [APP_ENTITY] }),
        recordingLoggerFactory(warnings, ['error', 'warn']),
        mockServices.rootConfig.factory({
          data: { carvel: { clusters: clusters.map(clusterConfigOf) as any } },
        }),
      ],
    });
    await call({ type: 'resetRequests' }, 'reset');
    const port = (backend.server.address() as AddressInfo).port;
    const url = `http://127.0.0.1:${port}/api/carvel/status/default/component/app`;
    const end = Date.now() + SECONDS * 1000;
    let reported = 'never answered';
    let healthyAlwaysOk = true;
    let slowestStatusMs = 0;
    let nextStatus = 0;
    while (Date.now() < end) {
      peak = Math.max(peak, process.memoryUsage.rss());
      if (Date.now() >= nextStatus) {
        nextStatus = Date.now() + 1000;
        const started = Date.now();
        const response = await fetch(url, {
          headers: { Authorization: mockCredentials.user.header() },
          signal: AbortSignal.timeout(10_000),
        });
        const body = await response.json();
        slowestStatusMs = Math.max(slowestStatusMs, Date.now() - started);
        const healthy = body.clusters?.find((c: any) => c.name === 'healthy');
        // The first seconds are the initial sync; from then on the healthy cluster must stay ok.
        if (Date.now() - (end - SECONDS * 1000) > 5000) {
          healthyAlwaysOk &&= healthy?.state === 'ok';
        }
        reported = describeCluster(
          body.clusters?.find((c: any) => c.name === 'hostile'),
        );
      }
      await delay(100);
    }
    const requests = await call<HostReport>({ type: 'report' }, 'report');
    await backend.stop();
    await delay(500);
    const afterStop = await call<HostReport>({ type: 'report' }, 'report');
    return {
      name,
      reported,
      healthyAlwaysOk,
      slowestStatusMs,
      peakRssGrowthMiB: Math.round(((peak - baseline) / MiB) * 10) / 10,
      requests: { ...requests, openWatches: afterStop.openWatches },
      warnings: warnings.length,
    };
  } finally {
    (child as ChildProcess).kill();
  }
}

async function main() {
  const results: CaseResult[] = [];
  for (const { name } of hostileClusters) {
    if (ONLY && !name.includes(ONLY)) continue;
    process.stderr.write(`hostile cluster: ${name} (${SECONDS} s)\n`);
    const result = await runCase(name);
    results.push(result);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  }
  process.stdout.write(
    `\nPer hostile cluster, over ${SECONDS} s with default limits, next to one healthy cluster:\n\n`,
  );
  process.stdout.write(
    '| hostile cluster | backend reported | peak RSS growth | hostile resource requests (list / watch) | all requests to it | healthy stayed ok | slowest /status | watches open after stop |\n|---|---|---|---|---|---|---|---|\n',
  );
  for (const r of results) {
    const { hostileResource, hostileTotal, openWatches } = r.requests;
    process.stdout.write(
      `| ${r.name} | ${r.reported.replace(/\|/g, '\\|')} | ${
        r.peakRssGrowthMiB
      } MiB | ${hostileResource.list} / ${
        hostileResource.watch
      } | ${hostileTotal} | ${r.healthyAlwaysOk ? 'yes' : 'NO'} | ${
        r.slowestStatusMs
      } ms | ${openWatches.hostile + openWatches.healthy} |\n`,
    );
  }
  process.exit(0);
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
