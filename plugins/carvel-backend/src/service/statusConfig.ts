import type { Config } from '@backstage/config';
import { DEFAULT_MAX_ITEMS_PER_CLUSTER } from './capClusterItems';

const MAX_ITEMS_KEY = 'carvel.status.maxItemsPerCluster';

/** `carvel.status.maxItemsPerCluster`: how many PackageInstalls (and Apps) one cluster may add to a status response. */
export function readMaxItemsPerCluster(config: Config): number {
  const value = config.getOptionalNumber(MAX_ITEMS_KEY);
  if (value === undefined) return DEFAULT_MAX_ITEMS_PER_CLUSTER;
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(
      `Invalid config ${MAX_ITEMS_KEY}: expected a whole number of at least 1`,
    );
  }
  return value;
}

const ACCESS_REUSE_KEY = 'carvel.status.accessReuseMs';
export const DEFAULT_ACCESS_REUSE_MS = 1000;

/** `carvel.status.accessReuseMs`: how long one caller's entity lookup and permission decision are reused. */
export function readAccessReuseMs(config: Config): number {
  const value = config.getOptionalNumber(ACCESS_REUSE_KEY);
  if (value === undefined) return DEFAULT_ACCESS_REUSE_MS;
  if (!Number.isInteger(value) || value < 0 || value > 60_000) {
    throw new Error(
      `Invalid config ${ACCESS_REUSE_KEY}: expected milliseconds from 0 to 60000`,
    );
  }
  return value;
}
