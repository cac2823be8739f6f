import { ConfigReader } from '@backstage/config';
import type { JsonValue } from '@backstage/types';
import { DEFAULT_MAX_ITEMS_PER_CLUSTER } from './capClusterItems';
import {
  DEFAULT_ACCESS_REUSE_MS,
  readAccessReuseMs,
  readMaxItemsPerCluster,
} from './statusConfig';

const withMax = (maxItemsPerCluster: JsonValue) =>
  new ConfigReader({ carvel: { status: { maxItemsPerCluster } } });

describe('readMaxItemsPerCluster', () => {
  it('defaults when unset', () => {
    expect(readMaxItemsPerCluster(new ConfigReader({}))).toBe(
      DEFAULT_MAX_ITEMS_PER_CLUSTER,
    );
  });

  it('reads a whole number', () => {
    expect(readMaxItemsPerCluster(withMax(20))).toBe(20);
  });

  it.each([0, -5, 2.5])('refuses %p', value => {
    expect(() => readMaxItemsPerCluster(withMax(value))).toThrow(
      'Invalid config carvel.status.maxItemsPerCluster: expected a whole number of at least 1',
    );
  });

  it('refuses a value that is not a number', () => {
    expect(() => readMaxItemsPerCluster(withMax('lots'))).toThrow(
      /carvel\.status\.maxItemsPerCluster/,
    );
  });
});

describe('readAccessReuseMs', () => {
  const withReuse = (accessReuseMs: JsonValue) =>
    new ConfigReader({ carvel: { status: { accessReuseMs } } });

  it('defaults to a second, and 0 turns reuse off', () => {
    expect(readAccessReuseMs(new ConfigReader({}))).toBe(
      DEFAULT_ACCESS_REUSE_MS,
    );
    expect(DEFAULT_ACCESS_REUSE_MS).toBe(1000);
    expect(readAccessReuseMs(withReuse(0))).toBe(0);
  });

  it.each([-1, 1.5, 60_001])('refuses %p', value => {
    expect(() => readAccessReuseMs(withReuse(value))).toThrow(
      'Invalid config carvel.status.accessReuseMs: expected milliseconds from 0 to 60000',
    );
  });
});
