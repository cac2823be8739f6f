import { formatLeadTime } from './formatLeadTime';

describe('formatLeadTime', () => {
  it.each([
    [0, '0 s'],
    [42, '42 s'],
    [59.9, '59 s'],
    [60, '1 min'],
    [180, '3 min'],
    [3599, '59 min'],
    [7200, '2 h'],
    [86399, '23 h'],
    [5 * 86400, '5 d'],
    [-3, '0 s'],
  ])('%p seconds reads %p', (seconds, text) => {
    expect(formatLeadTime(seconds)).toBe(text);
  });
});
