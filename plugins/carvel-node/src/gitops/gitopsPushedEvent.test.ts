import { isGitopsPushedEvent } from './gitopsPushedEvent';

describe('isGitopsPushedEvent', () => {
  it('takes a push with repository, branch and commit', () => {
    expect(
      isGitopsPushedEvent({
        repository: 'https://github.com/acme/gitops.git',
        branch: 'main',
        commit: 'a'.repeat(40),
      }),
    ).toBe(true);
  });

  it.each([
    undefined,
    'main',
    { repository: 'r', branch: 'main' },
    { repository: 'r', branch: 7, commit: 'c' },
    { repository: 'r'.repeat(3000), branch: 'main', commit: 'c' },
  ])('refuses %p', payload => {
    expect(isGitopsPushedEvent(payload)).toBe(false);
  });
});
