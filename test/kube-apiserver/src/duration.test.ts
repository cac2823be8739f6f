import { goRoundedDuration, humanDuration } from './duration';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe('humanDuration', () => {
  it.each([
    [-5 * s, '<invalid>'],
    [-1 * s, '0s'],
    [0, '0s'],
    [59 * s, '59s'],
    [119 * s, '119s'],
    [2 * m, '2m'],
    [2 * m + 5 * s, '2m5s'],
    [10 * m + 5 * s, '10m'],
    [179 * m, '179m'],
    [3 * h, '3h'],
    [3 * h + 20 * m, '3h20m'],
    [8 * h + 20 * m, '8h'],
    [47 * h, '47h'],
    [2 * d, '2d'],
    [2 * d + 5 * h, '2d5h'],
    [8 * d, '8d'],
    [729 * d, '729d'],
    [730 * d, '2y'],
    [731 * d, '2y1d'],
    [365 * 9 * d, '9y'],
  ])('%d ms → %s', (ms, expected) => {
    expect(humanDuration(ms)).toBe(expected);
  });
});

describe('goRoundedDuration', () => {
  it.each([
    [0, '0s'],
    [400, '0s'],
    [1500, '2s'],
    [59 * s, '59s'],
    [61 * s, '1m1s'],
    [h, '1h0m0s'],
    [50 * h + 3 * m + 4 * s, '50h3m4s'],
    [-2 * s, '-2s'],
  ])('%d ms → %s', (ms, expected) => {
    expect(goRoundedDuration(ms)).toBe(expected);
  });
});
