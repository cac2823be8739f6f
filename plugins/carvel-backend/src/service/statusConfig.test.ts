import { ConfigReader } from '@backstage/config';
import type { JsonValue } from '@backstage/types';
import { DEFAULT_MAX_ITEMS_PER_CLUSTER } from './capClusterItems';
import { readMaxItemsPerCluster } from './statusConfig';

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
