import { mockServices } from '@backstage/backend-test-utils';
import { PackageSignalQueue } from './PackageSignalQueue';

function controllablePublish() {
  const pending: Array<{
    signal: any;
    resolve: () => void;
    reject: (e: Error) => void;
  }> = [];
  const publish = jest.fn(
    (signal: any) =>
      new Promise<void>((resolve, reject) =>
        pending.push({ signal, resolve, reject }),
      ),
  );
  return { publish, pending };
}

const flush = () => new Promise(resolve => setImmediate(resolve));

describe('PackageSignalQueue', () => {
  it('publishes at most maxInFlight signals at once and the rest as those finish', async () => {
    const { publish, pending } = controllablePublish();
    const queue = new PackageSignalQueue({
      signals: { publish },
      logger: mockServices.logger.mock(),
      maxInFlight: 2,
    });
    for (let i = 0; i < 5; i++) queue.add(`pkg-${i}`, ['staging']);
    expect(publish).toHaveBeenCalledTimes(2);
    pending.shift()!.resolve();
    await flush();
    expect(publish).toHaveBeenCalledTimes(3);
    while (pending.length) {
      pending.shift()!.resolve();
      await flush();
    }
    expect(publish.mock.calls.map(([s]) => s.message.packageName)).toEqual([
      'pkg-0',
      'pkg-1',
      'pkg-2',
      'pkg-3',
      'pkg-4',
    ]);
  });

  it('merges the changes of a package waiting for its turn into one signal naming every cluster', async () => {
    const { publish, pending } = controllablePublish();
    const queue = new PackageSignalQueue({
      signals: { publish },
      logger: mockServices.logger.mock(),
      maxInFlight: 1,
    });
    queue.add('busy', ['build']);
    for (const cluster of ['staging', 'prod', 'staging', 'dev']) {
      queue.add('app.default.tap', [cluster]);
    }
    pending.shift()!.resolve();
    await flush();
    expect(publish).toHaveBeenCalledTimes(2);
    expect(publish.mock.calls[1][0]).toEqual({
      recipients: { type: 'broadcast' },
      channel: 'carvel:package:app.default.tap',
      message: {
        packageName: 'app.default.tap',
        clusters: ['dev', 'prod', 'staging'],
      },
    });
  });

  it('goes on after failures and warns once per period, counting the failures', async () => {
    const { publish, pending } = controllablePublish();
    const logger = mockServices.logger.mock();
    let now = 0;
    const queue = new PackageSignalQueue({
      signals: { publish },
      logger,
      maxInFlight: 1,
      warnEveryMs: 60_000,
      nowMs: () => now,
    });
    for (let i = 0; i < 4; i++) queue.add(`pkg-${i}`, ['staging']);
    for (let i = 0; i < 3; i++) {
      pending.shift()!.reject(new Error('fetch failed'));
      await flush();
    }
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      'Could not publish a Carvel status signal: fetch failed',
    );
    now = 60_000;
    pending.shift()!.reject(new Error('fetch failed'));
    await flush();
    expect(logger.warn).toHaveBeenLastCalledWith(
      'Could not publish a Carvel status signal: fetch failed (3 signals failed since the last warning)',
    );
    expect(publish).toHaveBeenCalledTimes(4);
  });
});
