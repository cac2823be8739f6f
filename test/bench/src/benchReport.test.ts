import { formatMs, percentile, ratio, targetLines } from './benchReport';

describe('percentile', () => {
  it('takes the nearest rank of the sorted samples', () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 90)).toBe(9);
    expect(percentile(samples, 99)).toBe(10);
    expect(percentile(samples, 0)).toBe(1);
  });

  it('is NaN without samples', () => {
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('ratio', () => {
  it('says how many times slower the baseline is', () => {
    expect(ratio(2, 50)).toBe('25.0x');
  });

  it('is a dash when a figure is missing', () => {
    expect(ratio(NaN, 5)).toBe('-');
    expect(ratio(0, 5)).toBe('-');
    expect(formatMs(NaN)).toBe('-');
  });
});

it('marks each target met or MISSED', () => {
  expect(
    targetLines([
      { name: 'p50 <= 3 ms', met: true },
      { name: 'p99 <= 10 ms', met: false },
    ]),
  ).toEqual(['met     p50 <= 3 ms', 'MISSED  p99 <= 10 ms']);
});
