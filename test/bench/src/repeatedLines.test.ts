import { RepeatedLines } from './repeatedLines';

it('prints a message once, whatever its timestamp and colours, and counts the repeats', () => {
  const lines = new RepeatedLines();
  const warn = (at: string) =>
    `\x1b[2m2026-12-01T16:03:${at}Z\x1b[22m \x1b[34mcarvel\x1b[39m warn Could not publish`;
  expect(lines.accept(warn('57.860'))).toBe(warn('57.860'));
  expect(lines.accept(warn('57.861'))).toBeUndefined();
  expect(lines.accept(warn('58.000'))).toBeUndefined();
  expect(lines.accept('another line')).toBe('another line');
  expect(lines.accept('cluster-1 timed out after 30 s')).toBeDefined();
  expect(lines.accept('cluster-12 timed out after 30 s')).toBeUndefined();
  expect(lines.repeats()).toEqual([
    { message: 'carvel warn Could not publish', omitted: 2 },
    { message: 'cluster-# timed out after # s', omitted: 1 },
  ]);
});
