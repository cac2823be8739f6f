import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  EXAMPLE_GITOPS_REPO,
  type TestGitopsRepository,
  createGitopsRepository,
  readFolder,
} from './__testUtils__/gitRepository';

let repository: TestGitopsRepository;
let dataDir: string;

beforeAll(async () => {
  repository = await createGitopsRepository(
    await readFolder(EXAMPLE_GITOPS_REPO),
  );
  dataDir = await mkdtemp(path.join(tmpdir(), 'demo-clusters-main-'));
});

afterAll(async () => {
  await repository.dispose();
  await rm(dataDir, { recursive: true, force: true });
});

/** Starts main.ts as scripts/tasks/start.js does: Node with Backstage's transform and an IPC channel. */
function startMain(): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      path.join(__dirname, 'main.ts'),
    ],
    {
      env: {
        ...process.env,
        CARVEL_DEMO_STAGING_PORT: '0',
        CARVEL_DEMO_PROD_PORT: '0',
        CARVEL_DEMO_GITOPS_REPO: repository.bare,
        CARVEL_DEMO_DATA_DIR: dataDir,
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    },
  );
  child.stdout?.on('data', chunk => {
    output += chunk;
  });
  child.stderr?.on('data', chunk => {
    output += chunk;
  });
  return { child, output: () => output };
}

/** Backstage's node transform sends messages of its own ({ type: 'watch' }), so look for ours. */
function readyMessage(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    child.on('message', message => {
      if (message === 'carvel-demo-clusters-ready') resolve();
    });
    child.once('exit', code =>
      reject(new Error(`main.ts exited with ${code}`)),
    );
  });
}

function exitCode(child: ChildProcess): Promise<number | null> {
  return new Promise(resolve => child.once('exit', code => resolve(code)));
}

it('tells its parent when the clusters are up and stops cleanly on SIGTERM', async () => {
  const { child, output } = startMain();
  await readyMessage(child);
  expect(existsSync(path.join(dataDir, 'ca.pem'))).toBe(true);
  expect(existsSync(path.join(dataDir, 'staging.kubeconfig'))).toBe(true);
  expect(existsSync(path.join(dataDir, 'prod.kubeconfig'))).toBe(true);
  const exited = exitCode(child);
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  const lines = output().trim().split('\n');
  expect(lines.every(line => line.startsWith('[demo] '))).toBe(true);
  expect(lines[0]).toContain('SIMULATED');
  expect(lines).toContain('[demo] stopping the demo clusters (SIGTERM)');
}, 30_000);

it('stops when its parent goes away', async () => {
  const { child } = startMain();
  await readyMessage(child);
  const exited = exitCode(child);
  child.disconnect();
  expect(await exited).toBe(0);
}, 30_000);
