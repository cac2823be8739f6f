import type { EventEmitter } from 'node:events';
import type { RunningStack } from './stack';

const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
type StopSignal = keyof typeof SIGNAL_EXIT_CODES;

export interface StackSession {
  /** Starts the stack; must stop what it started before rejecting, also when `signal` aborts. */
  start(signal: AbortSignal): Promise<RunningStack>;
  /** Uses the running stack until done or `signal` aborts; resolves with the exit code. */
  use(stack: RunningStack, signal: AbortSignal): Promise<number>;
  /** Where SIGINT and SIGTERM arrive (the process). */
  signals: EventEmitter;
  log(line: string): void;
}

/**
 * Runs `use` against a started stack and stops the stack on every way out: `use` resolving or
 * throwing, and SIGINT/SIGTERM at any time (then resolving with 130/143 without waiting for `use`).
 */
export async function runWithStack(session: StackSession): Promise<number> {
  const abort = new AbortController();
  let stack: RunningStack | undefined;
  const finished = (async () => {
    const running = await session.start(abort.signal);
    stack = running;
    if (abort.signal.aborted) {
      await running.stop();
      return SIGNAL_EXIT_CODES[abort.signal.reason as StopSignal];
    }
    try {
      return await session.use(running, abort.signal);
    } finally {
      await running.stop();
    }
  })().catch(error => {
    // After a signal, failing is how an aborted start or an interrupted `use` ends.
    if (abort.signal.aborted) {
      return SIGNAL_EXIT_CODES[abort.signal.reason as StopSignal];
    }
    throw error;
  });
  let onSignal: (name: StopSignal) => void = () => {};
  const interrupted = new Promise<number>(resolve => {
    onSignal = name => {
      if (abort.signal.aborted) return;
      session.log(`${name}: stopping everything the tests started`);
      abort.abort(name);
      const code = SIGNAL_EXIT_CODES[name];
      const stopped = stack ? stack.stop() : finished;
      stopped.then(
        () => resolve(code),
        () => resolve(code),
      );
    };
  });
  const onSigint = () => onSignal('SIGINT');
  const onSigterm = () => onSignal('SIGTERM');
  session.signals.on('SIGINT', onSigint);
  session.signals.on('SIGTERM', onSigterm);
  try {
    return await Promise.race([finished, interrupted]);
  } finally {
    session.signals.off('SIGINT', onSigint);
    session.signals.off('SIGTERM', onSigterm);
  }
}
