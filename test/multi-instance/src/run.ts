/*
 * Two backend instances of packages/backend on one PostgreSQL, as replicas behind one portal:
 * a change only instance A sees reaches a signals connection on instance B, the history stores each
 * transition once, and B keeps serving status and history once A is stopped. Logs go to
 * test-results/multi-instance.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { KubeApiServer } from '@carvel-gitops/kube-apiserver-sim';
import { carvelPackageChannel } from '@carvel-gitops/plugin-carvel-common';
// The plugin's database tests start PostgreSQL the same way; shared rather than copied.
// eslint-disable-next-line no-restricted-imports
import { startThrowawayPostgres } from '../../../plugins/carvel-backend/src/history/__testUtils__/throwawayPostgres';
import { freePort, pollUntil } from '../../adopter/src/polling';
import { guestToken, pollAnswer } from './backendApi';
import { startBackendInstance } from './backendInstance';
import { HistoryRow, readHistoryRows } from './historyRows';
import { ClusterAccess } from './instanceConfig';
import { checkHistory, checkStatus, historyItems } from './multiInstanceChecks';
import {
  LATER_VERSION,
  PACKAGE_NAME,
  startRunCluster,
  upgradeInstall,
  VERSIONS,
} from './simulatedClusters';
import { signalAbout, subscribeToSignals } from './signalsSubscription';

// Runs only from source, never from a build.
// eslint-disable-next-line no-restricted-syntax
const ROOT = path.resolve(__dirname, '..', '..', '..');
const ARTIFACTS = path.join(ROOT, 'test-results', 'multi-instance');
const TOTAL_TIMEOUT_MS = 10 * 60_000;
const BACKEND_READY_MS = 4 * 60_000;
const CATALOG_WITHIN_MS = 90_000;
const SIGNAL_WITHIN_MS = 2000;
const HISTORY_WITHIN_MS = 20_000;
/** Watched by both instances: the HA setup. */
const SHARED_CLUSTER = 'shared';
/** Watched by instance A only, so a signal for it on B can only have crossed instances. */
const A_ONLY_CLUSTER = 'only-a';
const ENTITY_PATH = 'default/component/app';

const timings: string[] = [];

const toTransition = (row: HistoryRow) => ({
  cluster: row.cluster,
  toVersion: row.to_version,
});

function note(line: string) {
  timings.push(line);
  console.log(`[multi-instance] ${line}`);
}

function access(cluster: KubeApiServer): ClusterAccess {
  return {
    name: cluster.name,
    url: cluster.url,
    token: cluster.token,
    caPem: cluster.caData,
  };
}

async function main(signal: AbortSignal) {
  fs.rmSync(ARTIFACTS, { recursive: true, force: true });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'carvel-multi-'));
  const cleanups: (() => Promise<void> | void)[] = [
    () => fs.rmSync(configDir, { recursive: true, force: true }),
  ];
  try {
    const postgres = startThrowawayPostgres();
    cleanups.unshift(() => postgres.stop());
    const shared = await startRunCluster(SHARED_CLUSTER);
    cleanups.unshift(() => shared.close());
    const onlyA = await startRunCluster(A_ONLY_CLUSTER);
    cleanups.unshift(() => onlyA.close());

    const start = async (name: string, clusters: KubeApiServer[]) => {
      const started = Date.now();
      const instance = await startBackendInstance({
        name,
        root: ROOT,
        configDir,
        logDir: ARTIFACTS,
        spec: {
          port: await freePort(),
          databaseConnection: postgres.connectionString,
          clusters: clusters.map(access),
        },
        readyWithinMs: BACKEND_READY_MS,
        signal,
      });
      cleanups.unshift(() => instance.process.stop());
      note(
        `instance ${name} (${clusters.map(c => c.name).join(', ')}) ready at ${
          instance.url
        } in ${Math.round((Date.now() - started) / 1000)} s`,
      );
      return instance;
    };
    // One after the other, as a rolling deployment starts them: the first creates the databases.
    const a = await start('a', [shared, onlyA]);
    const b = await start('b', [shared]);

    const token = await guestToken(b.url);
    const statusPath = `/api/carvel/status/${ENTITY_PATH}`;
    const historyPath = `/api/carvel/history/${ENTITY_PATH}`;
    const initialVersions = {
      [SHARED_CLUSTER]: VERSIONS[0],
      [A_ONLY_CLUSTER]: VERSIONS[0],
    };
    await pollAnswer(
      `${a.url}${statusPath}`,
      token,
      answer => checkStatus(answer, initialVersions),
      { timeoutMs: CATALOG_WITHIN_MS, signal, instance: a },
    );
    await pollAnswer(
      `${b.url}${statusPath}`,
      token,
      answer => checkStatus(answer, { [SHARED_CLUSTER]: VERSIONS[0] }),
      { timeoutMs: CATALOG_WITHIN_MS, signal, instance: b },
    );

    const channel = carvelPackageChannel(PACKAGE_NAME);
    const tabOnB = await subscribeToSignals({
      backendUrl: b.url,
      token,
      channel,
      timeoutMs: 30_000,
    });
    cleanups.unshift(() => tabOnB.close());
    // The subscribe message has no answer; give B a moment to register it.
    await new Promise(resolve => setTimeout(resolve, 500));
    const aOnlySignal = tabOnB.next(
      signalAbout(channel, A_ONLY_CLUSTER),
      SIGNAL_WITHIN_MS,
    );
    const changedAt = Date.now();
    upgradeInstall(onlyA, VERSIONS[1], new Date(changedAt));
    const crossed = await aOnlySignal.catch(error => {
      throw new Error(
        `a change on ${A_ONLY_CLUSTER}, watched by instance a only, did not reach the WebSocket on b: ${error.message}`,
      );
    });
    note(
      `change on ${A_ONLY_CLUSTER} (watched by a only) → signal on b's WebSocket: ${
        crossed.receivedAt - changedAt
      } ms (limit ${SIGNAL_WITHIN_MS} ms)`,
    );

    const sharedSignal = tabOnB.next(
      signalAbout(channel, SHARED_CLUSTER),
      SIGNAL_WITHIN_MS,
    );
    const sharedChangedAt = Date.now();
    upgradeInstall(shared, VERSIONS[1], new Date(sharedChangedAt));
    const sharedSeen = await sharedSignal.catch(error => {
      throw new Error(
        `a change on ${SHARED_CLUSTER} did not reach the WebSocket on b: ${error.message}`,
      );
    });
    note(
      `change on ${SHARED_CLUSTER} (watched by both) → first signal on b's WebSocket: ${
        sharedSeen.receivedAt - sharedChangedAt
      } ms`,
    );

    // Both instances record the shared cluster's transitions; the unique key keeps one row each.
    const expectedRows = {
      [SHARED_CLUSTER]: VERSIONS,
      [A_ONLY_CLUSTER]: VERSIONS,
    };
    const historyStarted = Date.now();
    await pollUntil(
      async () =>
        checkHistory(
          (await readHistoryRows(postgres.connectionString)).map(toTransition),
          expectedRows,
        ),
      { timeoutMs: HISTORY_WITHIN_MS, signal, intervalMs: 250 },
    );
    const rows = await readHistoryRows(postgres.connectionString);
    note(
      `history rows in PostgreSQL: ${rows.length} (${rows
        .map(r => `${r.cluster} → ${r.to_version}`)
        .join(', ')}), complete after ${Date.now() - historyStarted} ms`,
    );

    const stopStarted = Date.now();
    await a.process.stop();
    note(`instance a stopped in ${Date.now() - stopStarted} ms`);
    const afterStop = Date.now();
    await pollAnswer(
      `${b.url}${statusPath}`,
      token,
      answer => checkStatus(answer, { [SHARED_CLUSTER]: VERSIONS[1] }),
      { timeoutMs: 10_000, signal, instance: b },
    );
    await pollAnswer(
      `${b.url}${historyPath}`,
      token,
      answer => checkHistory(historyItems(answer), expectedRows),
      { timeoutMs: 10_000, signal, instance: b },
    );
    note(
      `after a stopped, b serves status (${SHARED_CLUSTER} ${
        VERSIONS[1]
      }) and the history of both clusters in ${Date.now() - afterStop} ms`,
    );
    const rowsAfterStop = await readHistoryRows(postgres.connectionString);
    if (rowsAfterStop.length !== rows.length) {
      throw new Error(
        `the history has ${rowsAfterStop.length} rows after a stopped, ${rows.length} before`,
      );
    }

    // b alone: it still signals, serves and records a change on the cluster it watches.
    const aloneSignal = tabOnB.next(
      signalAbout(channel, SHARED_CLUSTER),
      SIGNAL_WITHIN_MS,
    );
    const aloneChangedAt = Date.now();
    upgradeInstall(shared, LATER_VERSION, new Date(aloneChangedAt));
    const aloneSeen = await aloneSignal.catch(error => {
      throw new Error(
        `with a stopped, a change on ${SHARED_CLUSTER} did not reach the WebSocket on b: ${error.message}`,
      );
    });
    const afterAlone = {
      ...expectedRows,
      [SHARED_CLUSTER]: [...VERSIONS, LATER_VERSION],
    };
    await pollAnswer(
      `${b.url}${statusPath}`,
      token,
      answer => checkStatus(answer, { [SHARED_CLUSTER]: LATER_VERSION }),
      { timeoutMs: 10_000, signal, instance: b },
    );
    await pollAnswer(
      `${b.url}${historyPath}`,
      token,
      answer => checkHistory(historyItems(answer), afterAlone),
      { timeoutMs: HISTORY_WITHIN_MS, signal, instance: b },
    );
    const rowsAlone = await readHistoryRows(postgres.connectionString);
    const problems = checkHistory(rowsAlone.map(toTransition), afterAlone);
    if (problems.length > 0) throw new Error(problems.join('; '));
    note(
      `with a stopped, a change on ${SHARED_CLUSTER} → signal on b: ${
        aloneSeen.receivedAt - aloneChangedAt
      } ms; b shows ${LATER_VERSION} and recorded it (${
        rowsAlone.length
      } history rows)`,
    );
  } finally {
    for (const cleanup of cleanups) {
      await Promise.resolve(cleanup()).catch(error =>
        console.log(`[multi-instance] cleanup: ${(error as Error).message}`),
      );
    }
  }
}

const started = Date.now();
const controller = new AbortController();
const timeout = setTimeout(
  () =>
    controller.abort(
      `the multi-instance test took over ${TOTAL_TIMEOUT_MS / 60_000} min`,
    ),
  TOTAL_TIMEOUT_MS,
);
for (const name of ['SIGINT', 'SIGTERM'] as const) {
  process.once(name, () => controller.abort(name));
}
main(controller.signal).then(
  () => {
    clearTimeout(timeout);
    console.log(
      `[multi-instance] passed in ${Math.round(
        (Date.now() - started) / 1000,
      )} s (${timings.join('; ')})`,
    );
  },
  error => {
    clearTimeout(timeout);
    console.log(
      `[multi-instance] FAILED after ${Math.round(
        (Date.now() - started) / 1000,
      )} s: ${(error as Error).stack ?? error}\nlogs in ${ARTIFACTS}`,
    );
    process.exitCode = 1;
  },
);
