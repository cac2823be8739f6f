import net from 'node:net';
import {
  assertPortsFree,
  describeHeldPort,
  isPortInUse,
  listeningInodes,
  portHolders,
  PortsHeldError,
} from './ports';

// Port 3000 (0BB8) listening on 0.0.0.0 and on 127.0.0.1, an established connection from it, and 7007 (1B5F).
const PROC_NET_TCP = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000:0BB8 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1111 1 0000000000000000 100 0 0 10 0
   1: 0100007F:0BB8 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 2222 1 0000000000000000 100 0 0 10 0
   2: 0100007F:0BB8 0100007F:D431 01 00000000:00000000 00:00000000 00000000     0        0 3333 1 0000000000000000 20 4 30 10 -1
   3: 00000000:1B5F 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4444 1 0000000000000000 100 0 0 10 0
`;

async function listening(host: string): Promise<net.Server & { port: number }> {
  const server = net.createServer();
  await new Promise<void>(resolve => server.listen(0, host, resolve));
  return Object.assign(server, {
    port: (server.address() as net.AddressInfo).port,
  });
}

describe('listeningInodes', () => {
  it('finds the sockets listening on a port, not its connections', () => {
    expect(listeningInodes(PROC_NET_TCP, 3000)).toEqual(['1111', '2222']);
    expect(listeningInodes(PROC_NET_TCP, 7007)).toEqual(['4444']);
    expect(listeningInodes(PROC_NET_TCP, 54321)).toEqual([]);
    expect(listeningInodes('', 3000)).toEqual([]);
  });
});

describe('portHolders', () => {
  it.each(['127.0.0.1', '::1'])(
    'names this process as the holder of a port it listens on at %s',
    async host => {
      const server = await listening(host);
      try {
        const holders = portHolders(server.port);
        expect(holders.map(h => h.pid)).toEqual([process.pid]);
        expect(holders[0].commandLine).not.toBe('');
      } finally {
        server.close();
      }
    },
  );

  it('finds no holder of a free port', async () => {
    const server = await listening('127.0.0.1');
    await new Promise(resolve => server.close(resolve));
    expect(portHolders(server.port)).toEqual([]);
  });
});

describe('isPortInUse and assertPortsFree', () => {
  it('sees a port held on any address, and refuses it naming the holder', async () => {
    const server = await listening('127.0.0.1');
    try {
      await expect(isPortInUse(server.port)).resolves.toBe(true);
      const refusal = assertPortsFree([{ port: server.port, role: 'backend' }]);
      await expect(refusal).rejects.toBeInstanceOf(PortsHeldError);
      await expect(refusal).rejects.toThrow(
        `refusing to start: port ${server.port} (backend) is held by pid ${process.pid} (`,
      );
    } finally {
      server.close();
    }
  });

  it('accepts free ports', async () => {
    const server = await listening('127.0.0.1');
    await new Promise(resolve => server.close(resolve));
    await expect(isPortInUse(server.port)).resolves.toBe(false);
    await expect(
      assertPortsFree([{ port: server.port, role: 'app' }]),
    ).resolves.toBeUndefined();
  });
});

describe('describeHeldPort', () => {
  it('says when the holder cannot be seen, and bounds long command lines', () => {
    expect(describeHeldPort({ port: 3000, role: 'app' }, [])).toBe(
      'port 3000 (app) is held by a process this user cannot see',
    );
    const line = describeHeldPort({ port: 3000, role: 'app' }, [
      { pid: 42, commandLine: `node ${'x'.repeat(1000)}` },
    ]);
    expect(line.length).toBeLessThan(260);
    expect(line).toContain('pid 42 (node xxx');
  });
});
