import { mockServices } from '@backstage/backend-test-utils';
import type { PackageInstall } from '@carvel-gitops/plugin-carvel-common';
import { PassThrough } from 'node:stream';
import { packageInstallResource } from './carvelResources';
import { KubeHttpError } from './kubeRequest';
import type { ListPage, ResourceClient } from './ResourceClient';
import { ObjectChange, ResourceWatcher } from './ResourceWatcher';
import { ValueInterner } from './ValueInterner';
import { defaultWatchSettings, WatchSettings } from './WatchSettings';

const install = (name: string, resourceVersion = '1') => ({
  apiVersion: 'packaging.carvel.dev/v1alpha1',
  kind: 'PackageInstall',
  metadata: { name, namespace: 'apps', resourceVersion },
  spec: { packageRef: { refName: 'app.default.tap' } },
  status: { version: '1.0.0', conditions: [{ type: 'ReconcileSucceeded' }] },
});

const settings: WatchSettings = {
  ...defaultWatchSettings,
  requestTimeoutMs: 1000,
  watchLineBytes: 1024,
  backoff: { initialMs: 1000, maxMs: 8000, healthyAfterMs: 10_000 },
};

type ListAnswer = ListPage | Error;
type WatchAnswer = 'stream' | 'hang' | Error;

/** A cluster answering lists and watches as the test scripts them; the last answer repeats. */
function fakeClient(lists: ListAnswer[], watches: WatchAnswer[]) {
  const calls: string[] = [];
  let stream: PassThrough | undefined;
  const watchSignals: AbortSignal[] = [];
  const next = <A>(answers: A[]) =>
    answers.length > 1 ? answers.shift()! : answers[0];
  const client: ResourceClient = {
    async listPage() {
      calls.push('list');
      const answer = next(lists);
      if (answer instanceof Error) throw answer;
      return answer;
    },
    async openWatch(resourceVersion, signal) {
      calls.push(`watch@${resourceVersion}`);
      watchSignals.push(signal);
      const answer = next(watches);
      if (answer instanceof Error) throw answer;
      if (answer === 'hang') return new Promise(() => {});
      const body = new PassThrough();
      stream = body;
      signal.addEventListener('abort', () => body.destroy(signal.reason));
      return body;
    },
  };
  return {
    client,
    calls,
    watchSignals,
    send: (type: string, object: unknown) =>
      stream!.write(`${JSON.stringify({ type, object })}\n`),
    stream: () => stream!,
  };
}

const listOf = (resourceVersion: string, ...items: unknown[]): ListPage => ({
  items,
  resourceVersion,
  droppedDeep: 0,
});

function watcherFor(client: ResourceClient, values = new ValueInterner()) {
  const changes: ObjectChange<PackageInstall>[] = [];
  const stateChanges = jest.fn();
  const logger = mockServices.logger.mock();
  const watcher = new ResourceWatcher<PackageInstall>({
    clusterName: 'c',
    resource: packageInstallResource,
    client,
    values,
    settings,
    logger,
    random: () => 0.5,
    onChange: c => changes.push(...c),
    onStateChange: stateChanges,
  });
  return { watcher, changes, stateChanges, logger, values };
}

const names = (watcher: ResourceWatcher<PackageInstall>) =>
  [...watcher.values()].map(i => i.metadata.name).sort();

const tick = (ms = 0) => jest.advanceTimersByTimeAsync(ms);

const forbidden = () =>
  new KubeHttpError(403, {
    kind: 'Status',
    message: 'packageinstalls is forbidden: User "x" cannot watch resource',
  });

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('ResourceWatcher', () => {
  it('lists, then watches from the list resourceVersion and applies events', async () => {
    const fake = fakeClient([listOf('5', install('a'))], ['stream']);
    const { watcher, changes } = watcherFor(fake.client);
    watcher.start();
    await tick();
    expect(watcher.state).toBe('synced');
    expect(fake.calls).toEqual(['list', 'watch@5']);
    fake.send('ADDED', install('b', '6'));
    fake.send('MODIFIED', install('a', '7'));
    fake.send('DELETED', install('b', '8'));
    await tick();
    expect(names(watcher)).toEqual(['a']);
    expect(changes.map(c => c.current?.metadata.resourceVersion)).toEqual([
      '1',
      '6',
      '7',
      undefined,
    ]);
    expect(watcher.requestCount).toBe(2);
    fake.stream().end();
    await tick(1000);
    expect(fake.calls).toEqual(['list', 'watch@5', 'watch@8']);
    watcher.stop();
  });

  it('reports a failed list and retries after a jittered backoff that grows', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), {
      code: 'ECONNREFUSED',
    });
    const fake = fakeClient([refused], ['stream']);
    const { watcher, stateChanges } = watcherFor(fake.client);
    watcher.start();
    await tick();
    expect(watcher.state).toBe('error');
    expect(watcher.error).toMatchObject({
      type: 'unreachable',
      resource: 'packageinstalls',
    });
    expect(watcher.stale).toBe(false);
    // random 0.5: 500, 1000, 2000, 4000, 4000 ms.
    for (const delay of [500, 1000, 2000, 4000, 4000]) {
      const before = fake.calls.length;
      await tick(delay - 1);
      expect(fake.calls.length).toBe(before);
      await tick(1);
      expect(fake.calls.length).toBe(before + 1);
    }
    expect(stateChanges).toHaveBeenCalledTimes(1);
    watcher.stop();
  });

  it('keeps listed data, marked stale, when the watch is refused, and retries with backoff', async () => {
    const fake = fakeClient([listOf('5', install('a'))], [forbidden()]);
    const { watcher, logger } = watcherFor(fake.client);
    watcher.start();
    await tick();
    expect(watcher.state).toBe('error');
    expect(watcher.error).toMatchObject({ type: 'forbidden' });
    expect(watcher.error?.message).toMatch(
      /^cannot watch packageinstalls: forbidden \(packageinstalls is forbidden/,
    );
    expect(watcher.stale).toBe(true);
    expect(names(watcher)).toEqual(['a']);
    await tick(60_000);
    // Retries after 0.5, 1, 2, 4, 4, ... s (jitter 0.5 of a ceiling capped at 8 s): 18 lists in a minute.
    expect(fake.calls.filter(c => c === 'list').length).toBe(18);
    expect(watcher.state).toBe('error');
    expect(names(watcher)).toEqual(['a']);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    watcher.stop();
  });

  it('recovers when the watch is accepted again', async () => {
    const fake = fakeClient(
      [listOf('5', install('a'))],
      [forbidden(), 'stream'],
    );
    const { watcher } = watcherFor(fake.client);
    watcher.start();
    await tick();
    expect(watcher.state).toBe('error');
    await tick(500);
    expect(fake.calls).toEqual(['list', 'watch@5', 'list', 'watch@5']);
    expect(watcher.state).toBe('synced');
    expect(watcher.error).toBeUndefined();
    watcher.stop();
  });

  it('aborts a stream with an over-long line, reports it until a watch stays healthy, and relists', async () => {
    const fake = fakeClient(
      [listOf('5', install('a'))],
      ['stream', 'stream', 'stream'],
    );
    const { watcher } = watcherFor(fake.client);
    watcher.start();
    await tick();
    const first = fake.stream();
    fake.stream().write('x'.repeat(2000));
    await tick();
    expect(first.destroyed).toBe(true);
    expect(watcher.error).toMatchObject({
      type: 'unknown',
      message: 'watch stream line exceeded 1 KiB',
    });
    expect(names(watcher)).toEqual(['a']);
    await tick(500);
    expect(fake.calls).toEqual(['list', 'watch@5', 'list', 'watch@5']);
    // The new watch is open, but the error stands until it stayed healthy.
    expect(watcher.state).toBe('error');
    await tick(10_000);
    expect(watcher.state).toBe('synced');
    watcher.stop();
  });

  it('resets the backoff only after a watch stayed healthy', async () => {
    const fake = fakeClient([listOf('5')], ['stream']);
    const { watcher } = watcherFor(fake.client);
    watcher.start();
    await tick();
    // Watches that close at once are retried with a growing delay: 500, 1000, 2000 ms.
    fake.stream().end();
    await tick(500);
    fake.stream().end();
    await tick(999);
    expect(fake.calls.length).toBe(3);
    await tick(1);
    expect(fake.calls.length).toBe(4);
    await tick(10_000);
    fake.stream().end();
    // Healthy for 10 s, and it lived longer than a second: reopened at once.
    await tick();
    expect(fake.calls.length).toBe(5);
    fake.stream().end();
    await tick(499);
    expect(fake.calls.length).toBe(5);
    await tick(1);
    expect(fake.calls.length).toBe(6);
    watcher.stop();
  });

  it('relists after 410 Gone', async () => {
    const fake = fakeClient(
      [listOf('5', install('a')), listOf('9', install('a', '9'))],
      ['stream'],
    );
    const { watcher } = watcherFor(fake.client);
    watcher.start();
    await tick(2000);
    fake.send('ERROR', { kind: 'Status', code: 410 });
    await tick();
    expect(fake.calls).toEqual(['list', 'watch@5', 'list', 'watch@9']);
    expect(watcher.state).toBe('synced');
    watcher.stop();
  });

  it('times out a watch that never answers, and stop() aborts the one waiting', async () => {
    const fake = fakeClient([listOf('5', install('a'))], ['hang']);
    const { watcher } = watcherFor(fake.client);
    watcher.start();
    await tick(1000);
    expect(watcher.error).toMatchObject({
      type: 'timeout',
      message:
        'watch of packageinstalls: no response from the cluster within 1 s',
    });
    expect(fake.watchSignals[0].aborted).toBe(true);
    await tick(500);
    expect(fake.watchSignals).toHaveLength(2);
    watcher.stop();
    expect(fake.watchSignals[1].aborted).toBe(true);
    const calls = fake.calls.length;
    await tick(60_000);
    expect(fake.calls.length).toBe(calls);
  });

  it('keeps unchanged objects on relist and gives back shared values of removed ones', async () => {
    const fake = fakeClient(
      [
        listOf('5', install('a'), install('b')),
        listOf('9', install('a'), install('c', '8')),
      ],
      ['stream'],
    );
    const values = new ValueInterner();
    const { watcher, changes } = watcherFor(fake.client, values);
    watcher.start();
    await tick(2000);
    const a = [...watcher.values()].find(i => i.metadata.name === 'a');
    fake.send('ERROR', { kind: 'Status', code: 410 });
    await tick();
    expect(names(watcher)).toEqual(['a', 'c']);
    expect([...watcher.values()].find(i => i.metadata.name === 'a')).toBe(a);
    expect(changes.slice(2).map(c => c.current?.metadata.name ?? '-')).toEqual([
      'c',
      '-',
    ]);
    fake.send('DELETED', install('a', '10'));
    fake.send('DELETED', install('c', '11'));
    await tick();
    expect(watcher.size).toBe(0);
    expect(values.size).toBe(0);
    watcher.stop();
  });

  it('skips an unreadable object and keeps the others', async () => {
    const fake = fakeClient(
      [listOf('5', install('a'), { metadata: { name: 42 } })],
      ['stream'],
    );
    const { watcher, logger } = watcherFor(fake.client);
    watcher.start();
    await tick();
    fake.send('ADDED', { kind: 'PackageInstall', metadata: {} });
    await tick();
    expect(names(watcher)).toEqual(['a']);
    expect(watcher.state).toBe('synced');
    expect(logger.warn).toHaveBeenCalledWith(
      'Skipped a ADDED event of packageinstalls without a name on cluster c',
    );
    watcher.stop();
  });
});
