import net from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Calls `check` until it reports no problems; rejects with its last problems after `timeoutMs`,
 * or at once when the process it waits for has exited or `signal` aborts.
 */
export async function pollUntil(
  check: () => Promise<string[]>,
  options: {
    timeoutMs: number;
    signal: AbortSignal;
    exited?: () => string | undefined;
    intervalMs?: number;
  },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const problems = await check();
    if (problems.length === 0) return;
    if (options.signal.aborted) {
      throw new Error(`stopped (${String(options.signal.reason)})`);
    }
    const exit = options.exited?.();
    if (exit) throw new Error(`exited with ${exit}: ${problems.join('; ')}`);
    if (Date.now() > deadline) {
      throw new Error(
        `not within ${options.timeoutMs / 1000} s: ${problems.join('; ')}`,
      );
    }
    await delay(options.intervalMs ?? 1000);
  }
}
