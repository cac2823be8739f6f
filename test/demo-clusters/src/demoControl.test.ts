import { startKubeApiServer } from '@carvel-gitops/kube-apiserver-sim';
import net from 'node:net';
import { startDemoControl } from './demoControl';

describe('startDemoControl', () => {
  it('takes a simulated cluster off the network and brings it back', async () => {
    const cluster = await startKubeApiServer({ name: 'prod' });
    const control = await startDemoControl([cluster], 0);
    const base = `http://127.0.0.1:${control.port}`;
    const reachable = () =>
      new Promise<boolean>(resolve => {
        const socket = net.connect(cluster.port, '127.0.0.1');
        socket.once('connect', () => {
          socket.destroy();
          resolve(true);
        });
        socket.once('error', () => resolve(false));
      });
    try {
      expect(await reachable()).toBe(true);
      expect(
        (await fetch(`${base}/clusters/prod/unreachable`, { method: 'POST' }))
          .status,
      ).toBe(204);
      expect(await reachable()).toBe(false);
      expect(
        (await fetch(`${base}/clusters/prod/reachable`, { method: 'POST' }))
          .status,
      ).toBe(204);
      expect(await reachable()).toBe(true);
      expect(
        (await fetch(`${base}/clusters/nope/reachable`, { method: 'POST' }))
          .status,
      ).toBe(404);
    } finally {
      await control.close();
      await cluster.close();
    }
  });
});
