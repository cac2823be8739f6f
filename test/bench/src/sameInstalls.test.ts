import { checkSameInstalls } from './sameInstalls';

const install = { kind: 'PackageInstall', metadata: { name: 'install-0' } };
const ours = (counts: number[]) => ({
  clusters: counts.map((count, i) => ({
    name: `cluster-${i}`,
    packageInstalls: Array.from({ length: count }, () => ({})),
  })),
});
const theirs = (counts: number[], errors: unknown[] = []) => ({
  items: counts.map((count, i) => ({
    cluster: { name: `cluster-${i}` },
    errors,
    podMetrics: [],
    resources: [
      {
        type: 'customresources',
        resources: Array.from({ length: count }, () => install),
      },
    ],
  })),
});

it('counts the PackageInstalls when both plugins show the same number on every cluster', () => {
  expect(checkSameInstalls(ours([2, 3]), theirs([2, 3]), 2)).toBe(5);
});

it('refuses a cluster missing from either answer', () => {
  expect(() => checkSameInstalls(ours([2, 3]), theirs([2]), 2)).toThrow(
    'expected 2 clusters, ours answered 2, the Kubernetes plugin 1',
  );
});

it('refuses different counts, or none at all', () => {
  expect(() => checkSameInstalls(ours([2, 3]), theirs([2, 1]), 2)).toThrow(
    'cluster-1: ours shows 3 PackageInstalls, the Kubernetes plugin 1',
  );
  expect(() => checkSameInstalls(ours([0]), theirs([0]), 1)).toThrow(
    'cluster-0: ours shows 0',
  );
});

it('refuses an answer in which the Kubernetes plugin reports errors', () => {
  expect(() =>
    checkSameInstalls(
      ours([1]),
      theirs([1], [{ errorType: 'UNAUTHORIZED_ERROR' }]),
      1,
    ),
  ).toThrow('the Kubernetes plugin reports errors for cluster-0');
});
