import { fork } from 'node:child_process';
import path from 'node:path';
import type { FarmCluster, FarmReply, FarmRequest } from './clusterFarm';

export interface FarmSize {
  clusters: number;
  installsPerCluster: number;
  latencyMs: number;
}

/** The simulated clusters in their own process (test/bench/src/clusterFarm.ts), driven over IPC. */
export function startFarm() {
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
          (id === undefined || (reply as { id?: number }).id === id)
        ) {
          child.off('message', onMessage);
          resolve(reply as T);
        }
      };
      child.on('message', onMessage);
      child.send(request);
    });
  return {
    start: (size: FarmSize): Promise<FarmCluster[]> =>
      call<Extract<FarmReply, { type: 'started' }>>(
        { type: 'start', ...size },
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

export type Farm = ReturnType<typeof startFarm>;
