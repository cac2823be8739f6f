import type { Config } from '@backstage/config';

export interface HistorySettings {
  /** Transitions older than this many days are deleted. */
  retentionDays: number;
  /** How often the cleanup runs, in minutes. */
  cleanupIntervalMinutes: number;
}

export const defaultHistorySettings: HistorySettings = {
  retentionDays: 90,
  cleanupIntervalMinutes: 360,
};

function readPositiveWhole(config: Config, key: string, fallback: number) {
  const value = config.getOptionalNumber(key);
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(
      `Invalid config ${key}: expected a whole number of at least 1`,
    );
  }
  return value;
}

/** `carvel.history.*`: how long the deployment history is kept and how often it is cleaned up. */
export function readHistorySettings(config: Config): HistorySettings {
  return {
    retentionDays: readPositiveWhole(
      config,
      'carvel.history.retentionDays',
      defaultHistorySettings.retentionDays,
    ),
    cleanupIntervalMinutes: readPositiveWhole(
      config,
      'carvel.history.cleanupIntervalMinutes',
      defaultHistorySettings.cleanupIntervalMinutes,
    ),
  };
}
