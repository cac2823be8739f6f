import { setTimeout as delay } from 'node:timers/promises';

/** A message the signals backend pushed to this connection. */
export interface ReceivedSignal {
  channel: string;
  message: unknown;
  receivedAt: number;
}

export interface SignalsSubscription {
  /** Resolves with the first signal, received from now on, that `matches`; rejects after `timeoutMs`. */
  next(
    matches: (signal: ReceivedSignal) => boolean,
    timeoutMs: number,
  ): Promise<ReceivedSignal>;
  close(): void;
}

/** Parses what the signals backend sends: `{ channel, message }` as JSON text; anything else is undefined. */
export function parseSignal(
  data: unknown,
  receivedAt: number,
): ReceivedSignal | undefined {
  if (typeof data !== 'string') return undefined;
  try {
    const parsed = JSON.parse(data) as { channel?: unknown; message?: unknown };
    if (typeof parsed.channel !== 'string') return undefined;
    return { channel: parsed.channel, message: parsed.message, receivedAt };
  } catch {
    return undefined;
  }
}

/** Matches a Carvel package signal on `channel` that names `cluster` among the clusters it changed on. */
export function signalAbout(channel: string, cluster: string) {
  return (signal: ReceivedSignal) => {
    const clusters = (signal.message as { clusters?: unknown })?.clusters;
    return (
      signal.channel === channel &&
      Array.isArray(clusters) &&
      clusters.includes(cluster)
    );
  };
}

function open(url: string, token: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    // As the frontend's SignalClient does: the user token travels as the WebSocket protocol.
    const socket = new WebSocket(url, [token]);
    const timer = setTimeout(() => fail(), 5000);
    function fail() {
      clearTimeout(timer);
      socket.close();
      reject(new Error(`could not open ${url}`));
    }
    socket.addEventListener(
      'open',
      () => {
        clearTimeout(timer);
        socket.removeEventListener('error', fail);
        resolve(socket);
      },
      { once: true },
    );
    socket.addEventListener('error', fail, { once: true });
  });
}

/**
 * Opens the backend's signals WebSocket as a signed-in tab does and subscribes to `channel`. The
 * backend only takes over WebSocket upgrades after its first one, so opening is retried.
 */
export async function subscribeToSignals(options: {
  backendUrl: string;
  token: string;
  channel: string;
  timeoutMs: number;
}): Promise<SignalsSubscription> {
  const url = `${options.backendUrl.replace(/^http/, 'ws')}/api/signals`;
  const deadline = Date.now() + options.timeoutMs;
  let socket: WebSocket | undefined;
  while (!socket) {
    socket = await open(url, options.token).catch(error => {
      if (Date.now() > deadline) throw error;
      return undefined;
    });
    if (!socket) await delay(500);
  }
  const waiters = new Set<(signal: ReceivedSignal) => void>();
  socket.addEventListener('message', event => {
    const signal = parseSignal(event.data, Date.now());
    if (signal) for (const waiter of [...waiters]) waiter(signal);
  });
  socket.send(
    JSON.stringify({ action: 'subscribe', channel: options.channel }),
  );
  const connected = socket;
  return {
    next(matches, timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(
            new Error(
              `no matching signal on ${options.channel} within ${timeoutMs} ms`,
            ),
          );
        }, timeoutMs);
        function waiter(signal: ReceivedSignal) {
          if (!matches(signal)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(signal);
        }
        waiters.add(waiter);
      });
    },
    close: () => connected.close(),
  };
}
