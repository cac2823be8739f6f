import { timeAgo } from './timeAgo';

const NOW = Date.parse('2026-12-01T10:00:00Z');

describe('timeAgo', () => {
  it.each([
    ['2026-12-01T09:59:20Z', '40 s'],
    ['2026-12-01T10:00:00Z', '0 s'],
    ['2026-12-01T09:57:00Z', '3 min'],
    ['2026-12-01T07:30:00Z', '2 h'],
    ['2026-11-26T10:00:00Z', '5 d'],
  ])('says %s was %s ago', (iso, expected) => {
    expect(timeAgo(iso, NOW)).toBe(expected);
  });

  it('says 0 s for a commit time ahead of the browser clock', () => {
    expect(timeAgo('2026-12-01T10:00:30Z', NOW)).toBe('0 s');
  });

  it('is undefined without a readable time', () => {
    expect(timeAgo(undefined, NOW)).toBeUndefined();
    expect(timeAgo('yesterday-ish', NOW)).toBeUndefined();
  });
});
