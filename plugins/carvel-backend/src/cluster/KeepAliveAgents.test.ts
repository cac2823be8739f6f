import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { KeepAliveAgents } from './KeepAliveAgents';
import { kubeConfigFor } from './kubeConfigFor';
import { kubeRequestFor, readBody } from './kubeRequest';

describe('KeepAliveAgents', () => {
  it('keeps one agent while the TLS material is the same, and replaces it when it changes', () => {
    const agents = new KeepAliveAgents();
    const options = (ca: string) => ({
      ca: Buffer.from(ca),
      rejectUnauthorized: true,
    });
    const first = agents.agentFor(options('ca-1'), 'https:');
    expect(first).toBeInstanceOf(https.Agent);
    expect((first as unknown as { keepAlive: boolean }).keepAlive).toBe(true);
    expect(agents.agentFor(options('ca-1'), 'https:')).toBe(first);

    const destroy = jest.spyOn(first, 'destroy');
    const rotated = agents.agentFor(options('ca-2'), 'https:');
    expect(rotated).not.toBe(first);
    expect(destroy).toHaveBeenCalled();
    expect(agents.agentFor({}, 'http:')).not.toBeInstanceOf(https.Agent);
    agents.destroy();
  });
});

describe('kubeRequestFor', () => {
  let server: http.Server;
  let connections = 0;

  beforeAll(async () => {
    server = http.createServer((_req, res) => res.end('{"items":[]}'));
    server.on('connection', () => connections++);
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise(resolve => server.close(resolve)));

  it('sends one request after another over one connection', async () => {
    const kubeConfig = kubeConfigFor({
      name: 'c',
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      serviceAccountToken: 'secret-token',
      skipTLSVerify: true,
    });
    const agents = new KeepAliveAgents();
    const request = kubeRequestFor(kubeConfig, agents);
    const signal = new AbortController().signal;
    for (let i = 0; i < 3; i++) {
      const body = await request('/apis/x/v1/ys', {}, signal);
      expect(await readBody(body, 1024, 'page')).toBe('{"items":[]}');
    }
    expect(connections).toBe(1);
    agents.destroy();
  });
});
