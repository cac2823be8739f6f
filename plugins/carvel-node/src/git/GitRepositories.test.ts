import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { createBareRepository } from '../testUtils/gitRepositories';
import { GitRepositories } from './GitRepositories';

function repositoriesOf(config: object) {
  return GitRepositories.fromConfig(new ConfigReader(config));
}

async function refusal(repositories: GitRepositories, repoUrl: unknown) {
  return repositories.resolve(repoUrl).then(
    () => undefined,
    e => e,
  );
}

describe('GitRepositories', () => {
  const withToken = repositoriesOf({
    integrations: { github: [{ host: 'github.com', token: 'ghp_secret' }] },
  });

  it('authenticates https remotes with the token, scoped to their origin', async () => {
    const repo = await withToken.resolve(
      'https://github.com/example-org/gitops.git',
    );
    expect(repo.displayName).toBe('https://github.com/example-org/gitops.git');
    expect(repo.gitOptions).toMatchObject({
      protocols: ['https'],
      origin: 'https://github.com',
      timeoutMs: 120_000,
    });
    expect(
      Buffer.from(
        repo.gitOptions.authorization!.replace('Basic ', ''),
        'base64',
      ).toString(),
    ).toBe('x-access-token:ghp_secret');
  });

  it('gives hosts without an integration no credentials', async () => {
    const repo = await withToken.resolve('https://git.example.com/r.git');
    expect(repo.gitOptions.authorization).toBeUndefined();
  });

  it.each([
    ['http://github.com/example-org/gitops.git', /only sent over https/],
    ['http://user:pw@github.com/r.git', /only sent over https/],
    ['ssh://git@github.com/r.git', /must be an https URL/],
    ['git://github.com/r.git', /must be an https URL/],
    ['ext::sh -c evil', /https URL of a git repository/],
    ['https://', /not a valid URL/],
    ['https://u:p@github.com/r.git', /must not contain credentials/],
    ['file://remote-host/x.git', /not a valid file URL/],
    ['/etc', /neither an https URL/],
    [
      'deploy:s3cret@github.com:o/r.git',
      /'\*\*\*@github.com:o\/r.git' is neither/,
    ],
    ['', /https URL of a git repository/],
    [42, /https URL of a git repository/],
    [`https://github.com/${'a'.repeat(3000)}`, /https URL of a git repository/],
  ])('refuses %j with an InputError', async (repoUrl, message) => {
    const error = await refusal(withToken, repoUrl);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('pw@');
    expect(error.message).not.toContain('u:p@');
    expect(error.message).not.toContain('s3cret');
  });

  it('allows a configured local repository, with the file transport only', async () => {
    const bare = await createBareRepository({ 'a.txt': 'a' });
    const repositories = repositoriesOf({
      carvel: { gitops: { localRepositories: [bare], timeoutSeconds: 5 } },
    });
    const repo = await repositories.resolve(`file://${bare}`);
    expect(repo.cloneUrl).toBe(bare);
    expect(repo.gitOptions).toEqual({ protocols: ['file'], timeoutMs: 5000 });
  });
});
