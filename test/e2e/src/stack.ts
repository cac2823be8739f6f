import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const E2E_DATA = path.join(ROOT, '.data', 'e2e');
export const E2E_REPO = path.join(E2E_DATA, 'gitops-repo.git');
export const APP_URL = 'http://localhost:3000';
export const BACKEND_URL = 'http://localhost:7007';
export const DEMO_CONTROL_URL = 'http://127.0.0.1:16400';

export interface RunningStack {
  stop(): Promise<void>;
  logFile: string;
}

async function waitForUrl(
  url: string,
  timeoutMs: number,
  isReady: (status: number) => boolean,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url);
      if (isReady(response.status)) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline)
      throw new Error(`${url} did not come up within ${timeoutMs / 1000} s`);
    await delay(1000);
  }
}

/** Starts app, backend and demo clusters exactly as `npm start` does, on a fresh demo state. */
export async function startStack(artifacts: string): Promise<RunningStack> {
  fs.rmSync(E2E_DATA, { recursive: true, force: true });
  fs.mkdirSync(artifacts, { recursive: true });
  const logFile = path.join(artifacts, 'stack.log');
  const log = fs.openSync(logFile, 'w');
  const child: ChildProcess = spawn(
    process.execPath,
    [
      path.join(ROOT, 'scripts', 'tasks', 'start.js'),
      '--config',
      path.join(ROOT, 'app-config.yaml'),
      '--config',
      path.join(ROOT, 'test', 'e2e', 'app-config.e2e.yaml'),
    ],
    {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', log, log],
      env: {
        ...process.env,
        BROWSER: 'none',
        CARVEL_DEMO_GITOPS_REPO: E2E_REPO,
        CARVEL_DEMO_DATA_DIR: path.join(E2E_DATA, 'demo-clusters'),
        CARVEL_DEMO_CONTROL_PORT: '16400',
      },
    },
  );
  const stop = async () => {
    if (child.exitCode === null) {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
      for (let i = 0; i < 50 && child.exitCode === null; i++) await delay(100);
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    fs.closeSync(log);
  };
  try {
    await waitForUrl(
      `${BACKEND_URL}/.backstage/health/v1/readiness`,
      300_000,
      s => s === 200,
    );
    await waitForUrl(APP_URL, 600_000, s => s === 200);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}; see ${logFile}`);
  }
  return { stop, logFile };
}
