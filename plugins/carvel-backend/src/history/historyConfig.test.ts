import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import { defaultHistorySettings, readHistorySettings } from './historyConfig';

const withHistory = (history: JsonObject) =>
  new ConfigReader({ carvel: { history } });

describe('readHistorySettings', () => {
  it('defaults to 90 days, cleaned up every 6 hours', () => {
    expect(readHistorySettings(new ConfigReader({}))).toEqual(
      defaultHistorySettings,
    );
    expect(defaultHistorySettings).toEqual({
      retentionDays: 90,
      cleanupIntervalMinutes: 360,
    });
  });

  it('reads both settings', () => {
    expect(
      readHistorySettings(
        withHistory({ retentionDays: 30, cleanupIntervalMinutes: 15 }),
      ),
    ).toEqual({ retentionDays: 30, cleanupIntervalMinutes: 15 });
  });

  it.each([0, -1, 1.5])('refuses a retention of %p days', retentionDays => {
    expect(() => readHistorySettings(withHistory({ retentionDays }))).toThrow(
      'Invalid config carvel.history.retentionDays: expected a whole number of at least 1',
    );
  });

  it('refuses an interval that is not a number', () => {
    expect(() =>
      readHistorySettings(withHistory({ cleanupIntervalMinutes: 'often' })),
    ).toThrow(/carvel\.history\.cleanupIntervalMinutes/);
  });
});
