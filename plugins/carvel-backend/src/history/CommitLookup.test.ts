import { leadTimeSeconds } from './CommitLookup';

const reconciledAt = new Date('2026-12-01T11:00:00.000Z');
const commitAt = (time: string) => ({
  sha: 'a'.repeat(40),
  committedAt: new Date(time),
});

describe('leadTimeSeconds', () => {
  it('counts whole seconds from the commit to the reconcile', () => {
    expect(
      leadTimeSeconds(commitAt('2026-12-01T10:59:17.600Z'), reconciledAt),
    ).toBe(42);
  });

  it('has none without a commit, for a commit after the reconcile or an unreadable time', () => {
    expect(leadTimeSeconds(undefined, reconciledAt)).toBeUndefined();
    expect(
      leadTimeSeconds(commitAt('2026-12-01T11:00:05Z'), reconciledAt),
    ).toBeUndefined();
    expect(
      leadTimeSeconds(commitAt('not a time'), reconciledAt),
    ).toBeUndefined();
    expect(
      leadTimeSeconds(commitAt('1900-01-01T00:00:00Z'), reconciledAt),
    ).toBeUndefined();
  });
});
