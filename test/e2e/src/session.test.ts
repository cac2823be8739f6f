import { EventEmitter } from 'node:events';
import { runWithStack, StackSession } from './session';
import type { RunningStack } from './stack';

function fakeStack() {
  const stack: RunningStack & { stops: number } = {
    stops: 0,
    logFile: 'stack.log',
    stop: async () => {
      stack.stops += 1;
    },
  };
  return stack;
}

function session(overrides: Partial<StackSession>): StackSession {
  return {
    start: async () => fakeStack(),
    use: async () => 0,
    signals: new EventEmitter(),
    log: () => {},
    ...overrides,
  };
}

const never = () => new Promise<number>(() => {});

describe('runWithStack', () => {
  it('stops the stack after the tests pass or fail, with their exit code', async () => {
    for (const code of [0, 1]) {
      const stack = fakeStack();
      await expect(
        runWithStack(
          session({ start: async () => stack, use: async () => code }),
        ),
      ).resolves.toBe(code);
      expect(stack.stops).toBe(1);
    }
  });

  it('stops the stack when the tests throw, and rethrows', async () => {
    const stack = fakeStack();
    await expect(
      runWithStack(
        session({
          start: async () => stack,
          use: async () => {
            throw new Error('no browser');
          },
        }),
      ),
    ).rejects.toThrow('no browser');
    expect(stack.stops).toBe(1);
  });

  it('does not use a stack that failed to start', async () => {
    const use = jest.fn(async () => 0);
    await expect(
      runWithStack(
        session({
          start: async () => {
            throw new Error('port 3000 is held');
          },
          use,
        }),
      ),
    ).rejects.toThrow('port 3000 is held');
    expect(use).not.toHaveBeenCalled();
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ])(
    'on %s during the tests, stops the stack without waiting for them and ends with %d',
    async (signal, code) => {
      const stack = fakeStack();
      const signals = new EventEmitter();
      let using!: () => void;
      let useSignal: AbortSignal | undefined;
      const inUse = new Promise<void>(resolve => {
        using = resolve;
      });
      const running = runWithStack(
        session({
          start: async () => stack,
          use: (_, abort) => {
            useSignal = abort;
            using();
            return never();
          },
          signals,
        }),
      );
      await inUse;
      expect(useSignal?.aborted).toBe(false);
      signals.emit(signal);
      expect(useSignal?.aborted).toBe(true);
      await expect(running).resolves.toBe(code);
      expect(stack.stops).toBe(1);
      expect(signals.listenerCount(signal)).toBe(0);
    },
  );

  it('on a signal while starting, aborts the start and ends once it has stopped', async () => {
    const signals = new EventEmitter();
    const use = jest.fn(async () => 0);
    let startSignal: AbortSignal | undefined;
    let cleanedUp = false;
    const running = runWithStack(
      session({
        start: signal =>
          new Promise((_, reject) => {
            startSignal = signal;
            signal.addEventListener('abort', () =>
              setTimeout(() => {
                cleanedUp = true;
                reject(new Error('stopped'));
              }, 10),
            );
          }),
        use,
        signals,
      }),
    );
    signals.emit('SIGINT');
    expect(startSignal?.aborted).toBe(true);
    await expect(running).resolves.toBe(130);
    expect(cleanedUp).toBe(true);
    expect(use).not.toHaveBeenCalled();
  });

  it('stops a stack whose start completed just after the signal, without using it', async () => {
    const stack = fakeStack();
    const signals = new EventEmitter();
    const use = jest.fn(async () => 0);
    let finishStart!: () => void;
    const running = runWithStack(
      session({
        start: () =>
          new Promise(resolve => {
            finishStart = () => resolve(stack);
          }),
        use,
        signals,
      }),
    );
    signals.emit('SIGTERM');
    finishStart();
    await expect(running).resolves.toBe(143);
    expect(stack.stops).toBe(1);
    expect(use).not.toHaveBeenCalled();
  });
});
