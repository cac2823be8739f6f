import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { portHolders } from './ports';
import { readStat } from './processTree';
import {
  APP_URL,
  BACKEND_URL,
  E2E_PORTS,
  ROOT,
  StackSpec,
  startProcessStack,
} from './stack';

const FAKE_STACK = path.join(__dirname, '__fixtures__', 'fakeStack.js');
const SIGNALLED_RUNNER = path.join(
  __dirname,
  '__fixtures__',
  'signalledRunner.ts',
);

jest.setTimeout(60_000);

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise(resolve => server.close(resolve));
  return port;
}

function isRunning(pid: number) {
  const stat = readStat(pid);
  return stat !== undefined && stat.state !== 'Z';
}

describe('E2E_PORTS', () => {
  it('holds every port the stack listens on', () => {
    const e2eConfig = fs.readFileSync(
      path.join(ROOT, 'test', 'e2e', 'app-config.e2e.yaml'),
      'utf8',
    );
    const clusterPorts = [...e2eConfig.matchAll(/url: https:\/\/[^:]+:(\d+)/g)];
    expect(clusterPorts).toHaveLength(3);
    const expected = [
      ...clusterPorts.map(match => Number(match[1])),
      Number(new URL(APP_URL).port),
      Number(new URL(BACKEND_URL).port),
    ];
    const ports = E2E_PORTS.map(p => p.port);
    expect(ports).toEqual(expect.arrayContaining(expected));
  });
});

describe('startProcessStack', () => {
  let dir: string;
  let ports: { parent: number; child: number; grandchild: number };
  let pidsFile: string;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-stack-'));
    pidsFile = path.join(dir, 'pids');
    ports = {
      parent: await freePort(),
      child: await freePort(),
      grandchild: await freePort(),
    };
  });

  afterEach(() => {
    // Whatever a failing test left behind must not outlive it.
    for (const pid of startedPids()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone, as it should be
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function startedPids(): number[] {
    if (!fs.existsSync(pidsFile)) return [];
    return fs
      .readFileSync(pidsFile, 'utf8')
      .trim()
      .split('\n')
      .map(line => Number(line.split(' ')[1]));
  }

  async function allStarted() {
    for (let i = 0; i < 100 && startedPids().length < 3; i++) {
      await new Promise(resolve => setTimeout(resolve, 100));
    }
    expect(startedPids()).toHaveLength(3);
  }

  function spec(env: Record<string, string>, timeoutMs = 2000): StackSpec {
    return {
      command: process.execPath,
      args: [FAKE_STACK],
      env: {
        PATH: process.env.PATH,
        PIDS_FILE: pidsFile,
        PARENT_PORT: String(ports.parent),
        CHILD_PORT: String(ports.child),
        GRANDCHILD_PORT: String(ports.grandchild),
        READY_STATUS: '200',
        ...env,
      },
      ports: [
        { port: ports.parent, role: 'fake app' },
        { port: ports.child, role: 'fake backend' },
        { port: ports.grandchild, role: 'fake cluster' },
      ],
      readiness: [
        {
          url: `http://127.0.0.1:${ports.parent}/`,
          timeoutMs,
          isReady: status => status === 200,
        },
      ],
      logFile: path.join(dir, 'stack.log'),
      stopGraceMs: 1000,
    };
  }

  function expectAllGone() {
    expect(startedPids().filter(isRunning)).toEqual([]);
    for (const port of Object.values(ports)) {
      expect(portHolders(port)).toEqual([]);
    }
  }

  it('refuses a port that something holds, naming the holder, and starts nothing', async () => {
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `require('net').createServer().listen(${ports.child}, '127.0.0.1', () => console.log('listening'))`,
        'leftover-stack-marker',
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await once(holder.stdout!, 'data');
      const error = await startProcessStack(spec({})).catch(e => e);
      expect(error.message).toMatch(/^refusing to start: /);
      expect(error.message).toContain(
        `port ${ports.child} (fake backend) is held by pid ${holder.pid} (`,
      );
      expect(error.message).toContain('leftover-stack-marker');
      expect(startedPids()).toEqual([]);
      expect(fs.existsSync(path.join(dir, 'stack.log'))).toBe(false);
    } finally {
      holder.kill('SIGKILL');
      await once(holder, 'exit');
    }
  });

  it('stops every process it started, also one in a session of its own, when it never gets ready', async () => {
    const error = await startProcessStack(spec({ READY_STATUS: '503' })).catch(
      e => e,
    );
    expect(error.message).toContain(
      `http://127.0.0.1:${ports.parent}/ did not come up within 2 s; see ${dir}`,
    );
    expect(startedPids()).toHaveLength(3);
    expectAllGone();
  });

  it('stops the orphans of a command that exits before it is ready', async () => {
    const error = await startProcessStack(
      spec({ READY_STATUS: '503', FAKE_EXIT_AFTER_MS: '1500' }, 30_000),
    ).catch(e => e);
    expect(error.message).toContain(
      'the stack exited with exit code 3 before it was ready',
    );
    expect(startedPids()).toHaveLength(3);
    expectAllGone();
  });

  it('stops everything when the start is aborted', async () => {
    const abort = new AbortController();
    const starting = startProcessStack(
      spec({ READY_STATUS: '503' }, 30_000),
      abort.signal,
    );
    await allStarted();
    abort.abort('SIGINT');
    await expect(starting).rejects.toThrow('stopped (SIGINT)');
    expectAllGone();
  });

  it('stop() ends every process once started, with SIGKILL for those that ignore SIGTERM', async () => {
    const stack = await startProcessStack(spec({ FAKE_IGNORE_SIGTERM: '1' }));
    await allStarted();
    expect(startedPids().filter(isRunning)).toHaveLength(3);
    await stack.stop();
    expectAllGone();
    await expect(stack.stop()).resolves.toBeUndefined();
  });

  it.each([
    ['SIGTERM', 'while the tests run', '200', 143],
    ['SIGINT', 'while the stack starts', '503', 130],
  ])(
    'a runner that gets %s %s stops everything and exits',
    async (signal, _when, readyStatus, exitCode) => {
      const runner = spawn(
        process.execPath,
        [
          '--require',
          require.resolve('@backstage/cli/config/nodeTransform.cjs'),
          SIGNALLED_RUNNER,
        ],
        {
          env: {
            ...spec({}).env,
            READY_STATUS: readyStatus,
            FAKE_STACK_SCRIPT: FAKE_STACK,
          },
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      const exited = once(runner, 'exit');
      let output = '';
      runner.stdout!.on('data', chunk => {
        output += chunk;
      });
      await allStarted();
      const waitForOutput = async (text: string) => {
        for (let i = 0; i < 100 && !output.includes(text); i++) {
          await new Promise(resolve => setTimeout(resolve, 100));
        }
        if (!output.includes(text))
          throw new Error(`no '${text}' in ${output}`);
      };
      if (readyStatus === '200') await waitForOutput('in use');
      runner.kill(signal as NodeJS.Signals);
      const [code] = await exited;
      expect(code).toBe(exitCode);
      expect(output).toContain(
        `${signal}: stopping everything the tests started`,
      );
      expectAllGone();
    },
  );
});
