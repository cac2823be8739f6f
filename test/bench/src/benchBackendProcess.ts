import { fork } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import {
  BENCH_ENTITY,
  benchBackendConfig,
  carvelClustersConfig,
} from './benchBackendConfig';
import type { FarmCluster } from './clusterFarm';
import { RepeatedLines } from './repeatedLines';

type BackendReply =
  | { type: 'started' }
  | { type: 'memory'; id: number; usage: NodeJS.MemoryUsage }
  | { type: 'heapSnapshot'; id: number; file: string }
  | { type: 'cpuProfileStarted'; id: number }
  | { type: 'cpuProfileStopped'; id: number }
  | { type: 'failed'; id: number; message: string };

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise(resolve => server.close(resolve));
  return port;
}

function writeJson(file: string, value: unknown) {
  // JSON is YAML, which the config loader reads.
  fs.writeFileSync(file, JSON.stringify(value, null, 1));
}

/**
 * Starts the bench backend (benchBackend.js, plain node, our plugins compiled) on a free port,
 * with the farm's clusters for the Kubernetes plugin and none yet for ours.
 */
export async function startBenchBackend(options: {
  clusters: FarmCluster[];
  cpuProfileDir?: string;
}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carvel-bench-'));
  const catalogFile = path.join(dir, 'entities.yaml');
  const configFile = path.join(dir, 'app-config.yaml');
  const carvelFile = path.join(dir, 'carvel-clusters.yaml');
  const port = await freePort();
  writeJson(catalogFile, BENCH_ENTITY);
  writeJson(
    configFile,
    benchBackendConfig({ port, catalogFile, clusters: options.clusters }),
  );
  writeJson(carvelFile, carvelClustersConfig([]));

  const execArgv = ['--expose-gc'];
  if (options.cpuProfileDir) {
    fs.mkdirSync(options.cpuProfileDir, { recursive: true });
    execArgv.push('--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir);
  }
  const child = fork(
    // The benchmarks run only from this checkout.
    // eslint-disable-next-line no-restricted-syntax
    path.join(__dirname, 'benchBackend.js'),
    ['--config', configFile, '--config', carvelFile],
    {
      execArgv,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: {
        ...process.env,
        LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
      },
    },
  );
  const logLines = new RepeatedLines();
  for (const stream of [child.stdout!, child.stderr!]) {
    readline.createInterface({ input: stream }).on('line', line => {
      const shown = logLines.accept(line);
      if (shown !== undefined) process.stderr.write(`${shown}\n`);
    });
  }
  const exited = new Promise<number | null>(resolve =>
    child.once('exit', code => resolve(code)),
  );
  let nextId = 1;
  const call = <T extends BackendReply>(
    request: { type: string; [key: string]: unknown },
    type: T['type'],
  ): Promise<T> => {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      const onMessage = (reply: BackendReply) => {
        if ('id' in reply && reply.id !== id) return;
        if (reply.type !== type && reply.type !== 'failed') return;
        child.off('message', onMessage);
        if (reply.type === 'failed') reject(new Error(reply.message));
        else resolve(reply as T);
      };
      child.on('message', onMessage);
      child.send({ ...request, id });
    });
  };
  await Promise.race([
    new Promise(resolve =>
      child.on('message', (reply: BackendReply) => {
        if (reply.type === 'started') resolve(undefined);
      }),
    ),
    exited.then(code => {
      throw new Error(`bench backend exited with code ${code} while starting`);
    }),
  ]);

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    /** Points our plugin at the clusters, as an operator would: by editing its config file. */
    watchClusters(clusters: FarmCluster[]) {
      writeJson(carvelFile, carvelClustersConfig(clusters));
    },
    memory: () =>
      call<Extract<BackendReply, { type: 'memory' }>>(
        { type: 'memory' },
        'memory',
      ).then(r => r.usage),
    writeHeapSnapshot: (file: string) =>
      call<Extract<BackendReply, { type: 'heapSnapshot' }>>(
        { type: 'heapSnapshot', file },
        'heapSnapshot',
      ).then(r => r.file),
    startCpuProfile: () =>
      call({ type: 'cpuProfileStart' }, 'cpuProfileStarted'),
    stopCpuProfile: (file: string) =>
      call({ type: 'cpuProfileStop', file }, 'cpuProfileStopped'),
    async stop() {
      child.send({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
      for (const { message, omitted } of logLines.repeats()) {
        process.stderr.write(
          `[bench] the backend logged ${omitted} more times: ${message}\n`,
        );
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type BenchBackend = Awaited<ReturnType<typeof startBenchBackend>>;
