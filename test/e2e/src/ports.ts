import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export interface StackPort {
  port: number;
  /** What of the stack listens there, for messages. */
  role: string;
}

export interface PortHolder {
  pid: number;
  commandLine: string;
}

const TCP_LISTEN = '0A';

/** Socket inodes listening on `port` in the text of /proc/net/tcp or /proc/net/tcp6. */
export function listeningInodes(procNetTcp: string, port: number): string[] {
  const inodes: string[] = [];
  for (const line of procNetTcp.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 10 || fields[3] !== TCP_LISTEN) continue;
    const localPort = parseInt(fields[1].split(':')[1] ?? '', 16);
    if (localPort === port) inodes.push(fields[9]);
  }
  return inodes;
}

function readOrEmpty(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** The processes with a socket listening on `port`, found through /proc (Linux). */
export function portHolders(port: number, proc = '/proc'): PortHolder[] {
  const inodes = new Set(
    ['tcp', 'tcp6'].flatMap(file =>
      listeningInodes(readOrEmpty(path.join(proc, 'net', file)), port),
    ),
  );
  if (inodes.size === 0) return [];
  const holders: PortHolder[] = [];
  for (const entry of fs.readdirSync(proc)) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = fs.readdirSync(path.join(proc, entry, 'fd'));
    } catch {
      continue; // gone, or not ours to see
    }
    const holdsIt = fds.some(fd => {
      try {
        const target = fs.readlinkSync(path.join(proc, entry, 'fd', fd));
        return inodes.has(target.replace(/^socket:\[(\d+)\]$/, '$1'));
      } catch {
        return false;
      }
    });
    if (holdsIt) {
      const commandLine = readOrEmpty(path.join(proc, entry, 'cmdline'))
        .split('\0')
        .filter(Boolean)
        .join(' ');
      holders.push({ pid: Number(entry), commandLine });
    }
  }
  return holders;
}

/** Whether something accepts connections on the port (any address it may listen on). */
export function isPortInUse(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const server = net.createServer();
    server.once('error', () => resolve(true));
    server.listen({ port, exclusive: true }, () =>
      server.close(() => resolve(false)),
    );
  });
}

export function describeHeldPort(
  { port, role }: StackPort,
  holders: PortHolder[],
) {
  const by =
    holders.length > 0
      ? holders
          .map(h => `pid ${h.pid} (${h.commandLine.slice(0, 200) || '?'})`)
          .join(', ')
      : 'a process this user cannot see';
  return `port ${port} (${role}) is held by ${by}`;
}

/** A port of the stack is taken; the message names what holds it. */
export class PortsHeldError extends Error {
  name = 'PortsHeldError';
}

/** Throws a PortsHeldError, naming the holders, when any of the ports is taken. */
export async function assertPortsFree(ports: StackPort[]): Promise<void> {
  const held: string[] = [];
  for (const stackPort of ports) {
    if (await isPortInUse(stackPort.port)) {
      held.push(describeHeldPort(stackPort, portHolders(stackPort.port)));
    }
  }
  if (held.length > 0) {
    const holders = held.join('; ');
    throw new PortsHeldError(
      `refusing to start: ${holders}. Stop it (a leftover \`npm start\`?) and run again`,
    );
  }
}
