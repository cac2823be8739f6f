/*
 * The adopter test: packs the plugins, installs the tarballs into a scratch Backstage outside this
 * repository (the README's install steps), starts its backend against one simulated cluster and
 * builds its app. Logs go to test-results/adopter.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  missingActions,
  missingTabMarkers,
  statusProblems,
} from './adopterChecks';
import { RUNNING_INSTALL, startAdopterCluster } from './adopterCluster';
import { PackedPlugin, packPlugins } from './packPlugins';
import {
  BackgroundProcess,
  logTail,
  runCommand,
  startProcess,
} from './processes';
import { freePort, pollUntil } from './polling';
import { offerSqlitePrebuild } from './sqlitePrebuild';
import {
  BACKEND_TOKEN_ENV,
  CLUSTER_TOKEN_ENV,
  ENTITY,
  installCommands,
  readRepoManifests,
  writeScratchProject,
} from './scratchProject';

// The adopter test only runs from source, never from a build.
// eslint-disable-next-line no-restricted-syntax
const ROOT = path.resolve(__dirname, '..', '..', '..');
const ARTIFACTS = path.join(ROOT, 'test-results', 'adopter');
const TOTAL_TIMEOUT_MS = 20 * 60_000;
const INSTALL_TIMEOUT_MS = 10 * 60_000;
const APP_BUILD_TIMEOUT_MS = 10 * 60_000;
const BACKEND_READY_MS = 3 * 60_000;
const ANSWER_WITHIN_MS = 90_000;

export const CARVEL_ACTIONS = [
  'carvel:gitops:packageinstall',
  'carvel:gitops:app',
  'carvel:gitops:rbac',
  'carvel:gitops:fetch',
  'carvel:gitops:push',
  'carvel:gitops:promote',
];

const timings: string[] = [];

async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  const started = Date.now();
  console.log(`[adopter] ${name} ...`);
  const result = await run();
  const seconds = Math.round((Date.now() - started) / 1000);
  timings.push(`${name}: ${seconds} s`);
  console.log(`[adopter] ${name}: done in ${seconds} s`);
  return result;
}

/** The headers of the Node that runs us, when it has them: native addons (better-sqlite3) must be built for it. */
function nodeHeadersDir(): Record<string, string> {
  const prefix = path.dirname(path.dirname(process.execPath));
  return fs.existsSync(path.join(prefix, 'include', 'node', 'node.h'))
    ? { npm_config_nodedir: prefix }
    : {};
}

/** npm's variables of the `npm test` that started us would point the scratch install at this repository. */
function scratchEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)),
  );
  return { ...env, ...nodeHeadersDir(), ...extra };
}

function describePacked(packed: PackedPlugin[]) {
  return packed
    .map(
      p =>
        `${p.name}: ${(p.bytes / 1024).toFixed(1)} kB packed, ${(
          p.unpackedBytes / 1024
        ).toFixed(1)} kB unpacked, ${p.files.length} files`,
    )
    .join('\n  ');
}

async function fetchJson(url: string, token: string): Promise<unknown> {
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

function readBundle(dir: string): { file: string; text: string }[] {
  const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' });
  return files
    .filter(file => file.endsWith('.js'))
    .map(file => ({
      file,
      text: fs.readFileSync(path.join(dir, file), 'utf8'),
    }));
}

async function main(signal: AbortSignal) {
  fs.rmSync(ARTIFACTS, { recursive: true, force: true });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'carvel-adopter-'));
  const tarballs = path.join(scratch, 'tarballs');
  fs.mkdirSync(tarballs);
  const backendToken = randomBytes(24).toString('hex');
  const cleanups: (() => Promise<unknown> | void)[] = [
    // rm is much faster than fs.rmSync on the scratch node_modules (over 1 GB of small files).
    () =>
      step('remove the scratch Backstage', () =>
        runCommand('rm', ['-rf', scratch], {
          cwd: os.tmpdir(),
          env: process.env,
          logFile: path.join(ARTIFACTS, 'cleanup.log'),
          signal: new AbortController().signal,
          timeoutMs: 5 * 60_000,
        }),
      ),
  ];
  try {
    const packed = await step('build and pack the plugins', () =>
      packPlugins({
        root: ROOT,
        destination: tarballs,
        env: scratchEnv({}),
        logFile: path.join(ARTIFACTS, 'pack.log'),
        signal,
      }),
    );
    console.log(`[adopter] tarballs:\n  ${describePacked(packed)}`);

    const cluster = await startAdopterCluster();
    cleanups.unshift(() => cluster.close());
    const backendPort = await freePort();
    const scratchSpec = {
      repo: readRepoManifests(ROOT),
      tarballs: Object.fromEntries(packed.map(p => [p.name, p.tarball])),
      backendPort,
      cluster: { name: cluster.name, url: cluster.url, caPem: cluster.caData },
    };
    writeScratchProject(scratch, scratchSpec);
    const env = scratchEnv({
      ...(await offerSqlitePrebuild({
        root: ROOT,
        folder: path.join(scratch, 'prebuilds'),
        logFile: path.join(ARTIFACTS, 'install.log'),
        signal,
      })),
      [BACKEND_TOKEN_ENV]: backendToken,
      [CLUSTER_TOKEN_ENV]: cluster.token,
    });

    for (const args of installCommands(scratchSpec, scratch)) {
      await step(`npm ${args.slice(0, 3).join(' ')} (scratch Backstage)`, () =>
        runCommand(
          'npm',
          [...args, '--prefer-offline', '--no-audit', '--no-fund'],
          {
            cwd: scratch,
            env,
            logFile: path.join(ARTIFACTS, 'install.log'),
            signal,
            timeoutMs: INSTALL_TIMEOUT_MS,
          },
        ),
      );
    }

    const backendLog = path.join(ARTIFACTS, 'backend.log');
    const backendUrl = `http://localhost:${backendPort}`;
    const backend: BackgroundProcess = await step(
      'start the scratch backend',
      async () => {
        const started = await startProcess('npm', ['start'], {
          cwd: path.join(scratch, 'packages', 'backend'),
          env,
          logFile: backendLog,
        });
        cleanups.unshift(() => started.stop());
        await pollUntil(
          async () => {
            const ready = await fetch(
              `${backendUrl}/.backstage/health/v1/readiness`,
              { signal: AbortSignal.timeout(5000) },
            ).then(
              r => r.status === 200,
              () => false,
            );
            if (ready) return [];
            const startupFailed = logTail(backendLog).includes(
              'Backend startup failed',
            );
            if (startupFailed) throw new Error('the backend did not start');
            return ['not ready'];
          },
          { timeoutMs: BACKEND_READY_MS, signal, exited: started.exited },
        ).catch(error => {
          throw new Error(`${error.message}\n${logTail(backendLog)}`);
        });
        return started;
      },
    );

    const { namespace, kind, name } = ENTITY;
    const statusUrl = `${backendUrl}/api/carvel/status/${namespace}/${kind}/${name}`;
    await step(`GET ${statusUrl}`, () =>
      pollUntil(
        async () => {
          const answer = await fetchJson(statusUrl, backendToken).catch(
            (error: Error) => error,
          );
          if (answer instanceof Error) return [answer.message];
          return statusProblems(answer, RUNNING_INSTALL);
        },
        { timeoutMs: ANSWER_WITHIN_MS, signal, exited: backend.exited },
      ),
    );
    console.log(
      `[adopter] ✓ /api/carvel/status shows ${RUNNING_INSTALL.name} ${RUNNING_INSTALL.version} ${RUNNING_INSTALL.status} on ${RUNNING_INSTALL.cluster}`,
    );

    const actions = await step('GET /api/scaffolder/v2/actions', async () => {
      const answer = await fetchJson(
        `${backendUrl}/api/scaffolder/v2/actions`,
        backendToken,
      );
      const missing = missingActions(answer, CARVEL_ACTIONS);
      if (missing.length > 0) {
        throw new Error(`the scaffolder does not list ${missing.join(', ')}`);
      }
      return CARVEL_ACTIONS;
    });
    console.log(`[adopter] ✓ the scaffolder lists ${actions.join(', ')}`);
    await backend.stop();

    await step('build the scratch app (production bundle)', () =>
      runCommand('npm', ['run', 'build'], {
        cwd: path.join(scratch, 'packages', 'app'),
        env,
        logFile: path.join(ARTIFACTS, 'app-build.log'),
        signal,
        timeoutMs: APP_BUILD_TIMEOUT_MS,
      }),
    );
    const bundle = readBundle(path.join(scratch, 'packages', 'app', 'dist'));
    const missingMarkers = missingTabMarkers(bundle);
    if (missingMarkers.length > 0) {
      throw new Error(
        `the app's bundle (${
          bundle.length
        } scripts) lacks the tab: no ${missingMarkers.join(', ')}`,
      );
    }
    console.log(
      `[adopter] ✓ the app's production bundle (${bundle.length} scripts) holds the Carvel tab`,
    );
  } finally {
    for (const cleanup of cleanups) {
      await Promise.resolve(cleanup()).catch(error =>
        console.log(`[adopter] cleanup: ${(error as Error).message}`),
      );
    }
  }
}

const started = Date.now();
const controller = new AbortController();
const timeout = setTimeout(
  () =>
    controller.abort(
      `the adopter test took over ${TOTAL_TIMEOUT_MS / 60_000} min`,
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
      `[adopter] passed in ${Math.round(
        (Date.now() - started) / 1000,
      )} s (${timings.join('; ')})`,
    );
  },
  error => {
    clearTimeout(timeout);
    console.log(
      `[adopter] FAILED after ${Math.round((Date.now() - started) / 1000)} s: ${
        (error as Error).stack ?? error
      }\nlogs in ${ARTIFACTS}`,
    );
    process.exitCode = 1;
  },
);
