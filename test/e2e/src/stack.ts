import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import {
  assertPortsFree,
  describeHeldPort,
  portHolders,
  StackPort,
} from './ports';
import { ProcessTree } from './processTree';

// The browser tests only run from source, never from a build.
// eslint-disable-next-line no-restricted-syntax
export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const E2E_DATA = path.join(ROOT, '.data', 'e2e');
export const E2E_REPO = path.join(E2E_DATA, 'gitops-repo.git');
export const APP_URL = 'http://localhost:3000';
export const BACKEND_URL = 'http://localhost:7007';
export const DEMO_CONTROL_PORT = 16400;
export const DEMO_CONTROL_URL = `http://127.0.0.1:${DEMO_CONTROL_PORT}`;

/** Every port the stack listens on: the app, the backend, and the demo (clusters of app-config.e2e.yaml). */
export const E2E_PORTS: StackPort[] = [
  { port: 3000, role: 'app' },
  { port: 7007, role: 'backend' },
  { port: 16443, role: 'demo cluster staging' },
  { port: 16444, role: 'demo cluster prod' },
  { port: 16445, role: 'demo cluster build' },
  { port: DEMO_CONTROL_PORT, role: 'demo control' },
];

export interface ReadinessCheck {
  url: string;
  timeoutMs: number;
  isReady(status: number): boolean;
}

export interface StackSpec {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  ports: StackPort[];
  readiness: ReadinessCheck[];
  logFile: string;
  /** How long the processes get to exit after SIGTERM before SIGKILL. */
  stopGraceMs?: number;
}

export interface RunningStack {
  /** Stops every process the stack started; safe to call more than once. */
  stop(): Promise<void>;
  logFile: string;
}

const PROCESS_REFRESH_MS = 1000;
const PORT_RELEASE_MS = 5000;

function aborted(signal: AbortSignal | undefined) {
  return new Error(`stopped (${String(signal?.reason ?? 'aborted')})`);
}

async function waitForUrl(
  check: ReadinessCheck,
  until: { exited(): string | undefined; signal?: AbortSignal },
) {
  const deadline = Date.now() + check.timeoutMs;
  for (;;) {
    if (until.signal?.aborted) throw aborted(until.signal);
    const exit = until.exited();
    if (exit)
      throw new Error(`the stack exited with ${exit} before it was ready`);
    try {
      const timeout = AbortSignal.timeout(5000);
      const response = await fetch(check.url, {
        signal: until.signal
          ? AbortSignal.any([timeout, until.signal])
          : timeout,
      });
      if (check.isReady(response.status)) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${check.url} did not come up within ${check.timeoutMs / 1000} s`,
      );
    }
    await delay(500);
  }
}

async function waitForPortsReleased(ports: StackPort[]): Promise<string[]> {
  const deadline = Date.now() + PORT_RELEASE_MS;
  for (;;) {
    const held = ports
      .map(port => ({ port, holders: portHolders(port.port) }))
      .filter(({ holders }) => holders.length > 0);
    if (held.length === 0 || Date.now() > deadline) {
      return held.map(({ port, holders }) => describeHeldPort(port, holders));
    }
    await delay(100);
  }
}

/**
 * Starts `spec.command` in a process group of its own once all its ports are free, and waits until
 * it is ready. On every failure (and on `signal`) it stops all the command started before rejecting.
 */
export async function startProcessStack(
  spec: StackSpec,
  signal?: AbortSignal,
): Promise<RunningStack> {
  await assertPortsFree(spec.ports);
  if (signal?.aborted) throw aborted(signal);
  fs.mkdirSync(path.dirname(spec.logFile), { recursive: true });
  const log = fs.openSync(spec.logFile, 'w');
  const child = spawn(spec.command, spec.args, {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', log, log],
    env: spec.env,
  });
  let exit: string | undefined;
  child.once('exit', (code, sig) => {
    exit = sig ? `signal ${sig}` : `exit code ${code}`;
  });
  const spawned = new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', reject);
  });
  let tree: ProcessTree | undefined;
  const killNow = () => tree?.killNow();
  process.on('exit', killNow);
  const refresher = setInterval(() => tree?.refresh(), PROCESS_REFRESH_MS);
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      clearInterval(refresher);
      await tree?.stop(spec.stopGraceMs);
      process.off('exit', killNow);
      fs.closeSync(log);
      const stillHeld = await waitForPortsReleased(spec.ports);
      if (stillHeld.length > 0) {
        throw new Error(`after stopping the stack, ${stillHeld.join('; ')}`);
      }
    })();
    return stopping;
  };
  try {
    await spawned;
    tree = new ProcessTree(child.pid!);
    const until = { exited: () => exit, signal };
    for (const check of spec.readiness) {
      await waitForUrl(check, until);
    }
  } catch (error) {
    await stop().catch(stopError =>
      console.log(`[e2e] ${(stopError as Error).message}`),
    );
    throw new Error(`${(error as Error).message}; see ${spec.logFile}`);
  }
  return { stop, logFile: spec.logFile };
}

/** Starts app, backend and demo clusters exactly as `npm start` does, on a fresh demo state. */
export async function startStack(
  artifacts: string,
  signal?: AbortSignal,
): Promise<RunningStack> {
  // Checked before the demo state is deleted: it may belong to a stack that still runs.
  await assertPortsFree(E2E_PORTS);
  fs.rmSync(E2E_DATA, { recursive: true, force: true });
  return startProcessStack(
    {
      command: process.execPath,
      args: [
        path.join(ROOT, 'scripts', 'tasks', 'start.js'),
        '--config',
        path.join(ROOT, 'app-config.yaml'),
        '--config',
        path.join(ROOT, 'test', 'e2e', 'app-config.e2e.yaml'),
      ],
      env: {
        ...process.env,
        BROWSER: 'none',
        CARVEL_DEMO_GITOPS_REPO: E2E_REPO,
        CARVEL_DEMO_DATA_DIR: path.join(E2E_DATA, 'demo-clusters'),
        CARVEL_DEMO_CONTROL_PORT: String(DEMO_CONTROL_PORT),
      },
      ports: E2E_PORTS,
      readiness: [
        {
          url: `${BACKEND_URL}/.backstage/health/v1/readiness`,
          timeoutMs: 300_000,
          isReady: s => s === 200,
        },
        { url: APP_URL, timeoutMs: 600_000, isReady: s => s === 200 },
      ],
      logFile: path.join(artifacts, 'stack.log'),
    },
    signal,
  );
}
