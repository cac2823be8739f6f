import { commitWebUrl } from './commitWebUrl';

const SHA = '3f786850e387550fdab836ed7e6dc881de23001b';
const types: Record<string, string> = {
  'github.com': 'github',
  'gitlab.example.com': 'gitlab',
  'bitbucket.org': 'bitbucketCloud',
  'dev.azure.com': 'azure',
  'gerrit.example.com': 'gerrit',
  'bitbucket.example.com': 'bitbucketServer',
};
const typeOf = (url: string) => types[new URL(url).host];

describe('commitWebUrl', () => {
  it.each([
    [
      'https://github.com/acme/gitops.git',
      `https://github.com/acme/gitops/commit/${SHA}`,
    ],
    [
      'https://gitlab.example.com/group/sub/gitops',
      `https://gitlab.example.com/group/sub/gitops/-/commit/${SHA}`,
    ],
    [
      'https://bitbucket.org/acme/gitops.git/',
      `https://bitbucket.org/acme/gitops/commits/${SHA}`,
    ],
    [
      'https://dev.azure.com/acme/project/_git/gitops',
      `https://dev.azure.com/acme/project/_git/gitops/commit/${SHA}`,
    ],
    [
      'https://bitbucket.example.com/scm/OPS/gitops.git',
      `https://bitbucket.example.com/projects/OPS/repos/gitops/commits/${SHA}`,
    ],
    [
      'https://bitbucket.example.com/bitbucket/scm/~jane/gitops.git',
      `https://bitbucket.example.com/bitbucket/users/jane/repos/gitops/commits/${SHA}`,
    ],
  ])('links a commit of %s', (repository, expected) => {
    expect(commitWebUrl(repository, SHA, typeOf)).toBe(expected);
  });

  it('does not link hosts without an integration or a known commit page', () => {
    expect(
      commitWebUrl('https://git.internal/acme/gitops.git', SHA, typeOf),
    ).toBeUndefined();
    expect(
      commitWebUrl('https://gerrit.example.com/gitops', SHA, typeOf),
    ).toBeUndefined();
    expect(
      commitWebUrl('https://bitbucket.example.com/OPS/gitops.git', SHA, typeOf),
    ).toBeUndefined();
  });

  it('never links a local repository, a url with credentials, plain http or a non-sha', () => {
    expect(commitWebUrl('.data/gitops-repo.git', SHA, typeOf)).toBeUndefined();
    expect(
      commitWebUrl(
        'https://user:token@github.com/acme/gitops.git',
        SHA,
        typeOf,
      ),
    ).toBeUndefined();
    expect(
      commitWebUrl('http://github.com/acme/gitops.git', SHA, typeOf),
    ).toBeUndefined();
    expect(
      commitWebUrl('https://github.com/acme/gitops.git', '../../x', typeOf),
    ).toBeUndefined();
    expect(commitWebUrl('https://github.com/', SHA, typeOf)).toBeUndefined();
  });
});
