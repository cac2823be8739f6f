import type { Config } from '@backstage/config';

const MiB = 1024 * 1024;

/** Bounds and timing of the watch layer; `carvel.*` in config.d.ts documents each. */
export interface WatchSettings {
  /** Deadline of one list page and of a watch's response headers. */
  requestTimeoutMs: number;
  watchLineBytes: number;
  listPageBytes: number;
  listPages: number;
  listObjects: number;
  listDeadlineMs: number;
  objectDepth: number;
  watchSeconds: number;
  pageSize: number;
  backoff: { initialMs: number; maxMs: number; healthyAfterMs: number };
}

export const defaultWatchSettings: WatchSettings = {
  requestTimeoutMs: 5000,
  watchLineBytes: 16 * MiB,
  listPageBytes: 64 * MiB,
  listPages: 200,
  listObjects: 100_000,
  listDeadlineMs: 120_000,
  objectDepth: 64,
  watchSeconds: 300,
  pageSize: 500,
  backoff: { initialMs: 1000, maxMs: 60_000, healthyAfterMs: 30_000 },
};

function positive(config: Config, key: string, fallback: number): number {
  const value = config.getOptionalNumber(key);
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`carvel.${key} must be a positive number, got ${value}`);
  }
  return value;
}

/** Reads `carvel.requestTimeoutMs`, `carvel.limits.*` and `carvel.backoff.*`, with defaults. */
export function readWatchSettings(root: Config): WatchSettings {
  const config = root.getOptionalConfig('carvel');
  if (!config) return defaultWatchSettings;
  const d = defaultWatchSettings;
  return {
    requestTimeoutMs: positive(config, 'requestTimeoutMs', d.requestTimeoutMs),
    watchLineBytes: positive(config, 'limits.watchLineBytes', d.watchLineBytes),
    listPageBytes: positive(config, 'limits.listPageBytes', d.listPageBytes),
    listPages: positive(config, 'limits.listPages', d.listPages),
    listObjects: positive(config, 'limits.listObjects', d.listObjects),
    listDeadlineMs: positive(config, 'limits.listDeadlineMs', d.listDeadlineMs),
    objectDepth: positive(config, 'limits.objectDepth', d.objectDepth),
    watchSeconds: positive(config, 'limits.watchSeconds', d.watchSeconds),
    pageSize: d.pageSize,
    backoff: {
      initialMs: positive(config, 'backoff.initialMs', d.backoff.initialMs),
      maxMs: positive(config, 'backoff.maxMs', d.backoff.maxMs),
      healthyAfterMs: positive(
        config,
        'backoff.healthyAfterMs',
        d.backoff.healthyAfterMs,
      ),
    },
  };
}

/** "16 MiB", "512 KiB", "100 bytes": limits as people write them. */
export function formatBytes(bytes: number): string {
  if (bytes >= MiB && bytes % MiB === 0) return `${bytes / MiB} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
