import { ConfigReader } from '@backstage/config';
import {
  defaultWatchSettings,
  formatBytes,
  readWatchSettings,
} from './WatchSettings';

describe('readWatchSettings', () => {
  it('defaults every setting', () => {
    expect(readWatchSettings(new ConfigReader({}))).toEqual(
      defaultWatchSettings,
    );
    expect(defaultWatchSettings.watchLineBytes).toBe(16 * 1024 * 1024);
  });

  it('reads carvel.limits and carvel.backoff', () => {
    const settings = readWatchSettings(
      new ConfigReader({
        carvel: {
          requestTimeoutMs: 1000,
          limits: { watchLineBytes: 4096, listPages: 3, listDeadlineMs: 500 },
          backoff: { maxMs: 2000, healthyAfterMs: 100 },
        },
      }),
    );
    expect(settings).toMatchObject({
      requestTimeoutMs: 1000,
      watchLineBytes: 4096,
      listPages: 3,
      listDeadlineMs: 500,
      listObjects: defaultWatchSettings.listObjects,
      backoff: { initialMs: 1000, maxMs: 2000, healthyAfterMs: 100 },
    });
  });

  it('refuses a limit that is not positive', () => {
    expect(() =>
      readWatchSettings(
        new ConfigReader({ carvel: { limits: { listPages: 0 } } }),
      ),
    ).toThrow('carvel.limits.listPages must be a positive number');
  });
});

describe('formatBytes', () => {
  it('writes round sizes in MiB or KiB', () => {
    expect(formatBytes(16 * 1024 * 1024)).toBe('16 MiB');
    expect(formatBytes(4096)).toBe('4 KiB');
    expect(formatBytes(1000)).toBe('1000 bytes');
  });
});
