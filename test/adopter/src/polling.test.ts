import { freePort, pollUntil } from './polling';

const running = () => new AbortController().signal;

describe('pollUntil', () => {
  it('resolves once the check reports no problems', async () => {
    const answers = [['not ready'], ['still not'], []];
    const check = jest.fn(async () => answers.shift()!);
    await pollUntil(check, {
      timeoutMs: 10_000,
      signal: running(),
      intervalMs: 1,
    });
    expect(check).toHaveBeenCalledTimes(3);
  });

  it('rejects with the last problems when time is up', async () => {
    await expect(
      pollUntil(async () => ['no cluster run'], {
        timeoutMs: 0,
        signal: running(),
        intervalMs: 1,
      }),
    ).rejects.toThrow('not within 0 s: no cluster run');
  });

  it('rejects at once when the awaited process exited or the run is stopped', async () => {
    await expect(
      pollUntil(async () => ['not ready'], {
        timeoutMs: 10_000,
        signal: running(),
        exited: () => 'exit code 1',
      }),
    ).rejects.toThrow('exited with exit code 1: not ready');
    const stopped = new AbortController();
    stopped.abort('SIGTERM');
    await expect(
      pollUntil(async () => ['not ready'], {
        timeoutMs: 10_000,
        signal: stopped.signal,
      }),
    ).rejects.toThrow('stopped (SIGTERM)');
  });
});

describe('freePort', () => {
  it('finds a port to listen on', async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
  });
});
