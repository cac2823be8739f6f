import { PassThrough } from 'node:stream';
import { systemClock } from './Clock';
import { runWatch, RunWatchOptions, WatchStreamError } from './runWatch';

/** A watch response whose body the test writes; destroyed when the request is aborted, as the transport does. */
function fakeWatch() {
  const opened: Array<{ resourceVersion?: string; signal: AbortSignal }> = [];
  let body: PassThrough | undefined;
  const openWatch = jest.fn(
    async (resourceVersion: string | undefined, signal: AbortSignal) => {
      opened.push({ resourceVersion, signal });
      body = new PassThrough();
      const stream = body;
      signal.addEventListener('abort', () => stream.destroy(signal.reason));
      return stream;
    },
  );
  return {
    opened,
    openWatch,
    send: (text: string) => body!.write(text),
    end: () => body!.end(),
  };
}

function options(overrides: Partial<RunWatchOptions>) {
  const events: Array<[string, unknown]> = [];
  const skipped: string[] = [];
  const opened = jest.fn();
  const result: RunWatchOptions = {
    plural: 'packageinstalls',
    openWatch: async () => new PassThrough(),
    resourceVersion: '10',
    clock: systemClock,
    headerTimeoutMs: 1000,
    maxDurationMs: 60_000,
    maxLineBytes: 1024,
    maxObjectDepth: 10,
    signal: new AbortController().signal,
    onOpen: opened,
    onEvent: (type, object) => events.push([type, object]),
    onSkipped: reason => skipped.push(reason),
    ...overrides,
  };
  return { options: result, events, skipped, opened };
}

const event = (type: string, name: string) =>
  `${JSON.stringify({ type, object: { metadata: { name } } })}\n`;

const flush = () => jest.advanceTimersByTimeAsync(0);

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('runWatch', () => {
  it('delivers events from the resourceVersion and ends "closed" when the server closes', async () => {
    const watch = fakeWatch();
    const {
      options: o,
      events,
      opened,
    } = options({
      openWatch: watch.openWatch,
    });
    const ended = runWatch(o);
    await flush();
    expect(opened).toHaveBeenCalled();
    watch.send(event('ADDED', 'a'));
    watch.send(`${event('MODIFIED', 'a').trim()}\n${event('DELETED', 'a')}`);
    watch.end();
    await expect(ended).resolves.toBe('closed');
    expect(watch.opened[0].resourceVersion).toBe('10');
    expect(events.map(([type]) => type)).toEqual([
      'ADDED',
      'MODIFIED',
      'DELETED',
    ]);
    expect(watch.opened[0].signal.aborted).toBe(true);
  });

  it('ends "expired" on a 410 ERROR event', async () => {
    const watch = fakeWatch();
    const { options: o } = options({ openWatch: watch.openWatch });
    const ended = runWatch(o);
    await flush();
    watch.send('{"type":"ERROR","object":{"kind":"Status","code":410}}\n');
    await expect(ended).resolves.toBe('expired');
  });

  it('fails with the status of any other ERROR event', async () => {
    const watch = fakeWatch();
    const { options: o } = options({ openWatch: watch.openWatch });
    const ended = runWatch(o);
    await flush();
    watch.send(
      '{"type":"ERROR","object":{"kind":"Status","code":500,"message":"etcd down"}}\n',
    );
    const error = await ended.catch(e => e);
    expect(error).toBeInstanceOf(WatchStreamError);
    expect(error.cause).toMatchObject({
      code: 500,
      body: { message: 'etcd down' },
    });
  });

  it('aborts a stream whose line passes the limit', async () => {
    const watch = fakeWatch();
    const { options: o, events } = options({ openWatch: watch.openWatch });
    const ended = runWatch(o);
    await flush();
    watch.send(event('ADDED', 'a'));
    watch.send('x'.repeat(600));
    watch.send('x'.repeat(600));
    const error = await ended.catch(e => e);
    expect(error).toBeInstanceOf(WatchStreamError);
    expect(error.message).toBe('watch stream line exceeded 1 KiB');
    expect(events).toHaveLength(1);
    expect(watch.opened[0].signal.aborted).toBe(true);
  });

  it('skips events nested too deep, not JSON, or that the handler cannot read', async () => {
    const watch = fakeWatch();
    const {
      options: o,
      events,
      skipped,
    } = options({
      openWatch: watch.openWatch,
      maxLineBytes: 1024 * 1024,
      onEvent: (type, object: any) => {
        if (object.metadata.name === 'bad') throw new TypeError('no spec');
        events.push([type, object]);
      },
    });
    const ended = runWatch(o);
    await flush();
    watch.send(
      `{"type":"ADDED","object":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}\n`,
    );
    watch.send('not json\n');
    watch.send(event('ADDED', 'bad'));
    watch.send(event('ADDED', 'good'));
    watch.end();
    await expect(ended).resolves.toBe('closed');
    expect(events).toEqual([['ADDED', { metadata: { name: 'good' } }]]);
    expect(skipped).toEqual([
      'a watch event of packageinstalls nested deeper than 10 levels',
      'a watch event of packageinstalls that is not JSON',
      'packageinstalls bad: no spec',
    ]);
  });

  it('gives up on a watch that sends no response headers and aborts its request', async () => {
    let signal: AbortSignal | undefined;
    const { options: o, opened } = options({
      openWatch: (_rv, s) => {
        signal = s;
        return new Promise(() => {});
      },
    });
    const ended = runWatch(o);
    const caught = ended.catch(e => e);
    await jest.advanceTimersByTimeAsync(999);
    expect(signal?.aborted).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(await caught).toMatchObject({
      name: 'ClusterRequestTimeoutError',
      message:
        'watch of packageinstalls: no response from the cluster within 1 s',
    });
    expect(signal?.aborted).toBe(true);
    expect(opened).not.toHaveBeenCalled();
  });

  it('is stopped by its signal while waiting for headers and while streaming', async () => {
    const stop = new AbortController();
    let requestSignal: AbortSignal | undefined;
    const waiting = runWatch(
      options({
        signal: stop.signal,
        openWatch: (_rv, s) => {
          requestSignal = s;
          return new Promise(() => {});
        },
      }).options,
    );
    const stopAgain = new AbortController();
    const watch = fakeWatch();
    const streaming = runWatch(
      options({ signal: stopAgain.signal, openWatch: watch.openWatch }).options,
    );
    await flush();
    stop.abort(new Error('stopped'));
    stopAgain.abort(new Error('stopped too'));
    await expect(waiting).rejects.toThrow('stopped');
    await expect(streaming).rejects.toThrow('stopped too');
    expect(requestSignal?.aborted).toBe(true);
    expect(watch.opened[0].signal.aborted).toBe(true);
  });

  it('treats a watch open past its maximum duration as closed, releasing it', async () => {
    const watch = fakeWatch();
    const { options: o } = options({
      openWatch: watch.openWatch,
      maxDurationMs: 5000,
    });
    const ended = runWatch(o);
    await jest.advanceTimersByTimeAsync(5000);
    await expect(ended).resolves.toBe('closed');
    expect(watch.opened[0].signal.aborted).toBe(true);
  });
});
