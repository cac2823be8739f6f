import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { GitRepositories } from '../gitops/GitRepositories';
import {
  createActionContext,
  createBareRepository,
  createWorkspace,
  readTree,
} from '../__testUtils__/workspace';
import { createCarvelFetchAction } from './fetch';

describe('carvel:gitops:fetch', () => {
  it('copies a configured local repository into the workspace without .git', async () => {
    const repo = await createBareRepository({
      'app.default.tap/packages/1.0.0.yaml': 'kind: Package\n',
    });
    const action = createCarvelFetchAction({
      repositories: GitRepositories.fromConfig(
        new ConfigReader({ carvel: { gitops: { localRepositories: [repo] } } }),
      ),
    });
    const workspacePath = createWorkspace();
    const ctx = createActionContext({
      workspacePath,
      input: { repoUrl: repo, targetPath: 'gitops' },
    });
    await action.handler(ctx);
    expect(readTree(workspacePath)).toEqual({
      'gitops/app.default.tap/packages/1.0.0.yaml': 'kind: Package\n',
    });
    expect(ctx.output).toHaveBeenCalledWith(
      'commit',
      expect.stringMatching(/^[0-9a-f]{40}$/),
    );
  });

  it('refuses local paths that are not configured', async () => {
    const repo = await createBareRepository({ 'a.txt': 'a' });
    const action = createCarvelFetchAction({
      repositories: GitRepositories.fromConfig(new ConfigReader({})),
    });
    const workspacePath = createWorkspace();
    const error = await action
      .handler(createActionContext({ workspacePath, input: { repoUrl: repo } }))
      .then(
        () => undefined,
        e => e,
      );
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(
      /not one of the local repositories|neither an https URL/,
    );
    expect(readTree(workspacePath)).toEqual({});
  });

  it.each([
    [
      { repoUrl: 'https://user:secret@github.com/o/r.git' },
      /must not contain credentials/,
    ],
    [{ repoUrl: '/etc' }, /neither an https URL/],
    [
      { repoUrl: 'https://github.com/o/r.git', branch: '--upload-pack=evil' },
      /branch must be a branch or tag name/,
    ],
    [
      { repoUrl: 'https://github.com/o/r.git', targetPath: '../outside' },
      /must stay inside the workspace/,
    ],
  ])('refuses %j', async (input, message) => {
    const action = createCarvelFetchAction({
      repositories: GitRepositories.fromConfig(new ConfigReader({})),
    });
    const workspacePath = createWorkspace();
    await expect(
      action.handler(createActionContext({ workspacePath, input })),
    ).rejects.toThrow(message);
    expect(readTree(workspacePath)).toEqual({});
  });
});

describe('GitRepositories', () => {
  it('authenticates https remotes with the token of the matching integration', () => {
    const repositories = GitRepositories.fromConfig(
      new ConfigReader({
        integrations: { github: [{ host: 'github.com', token: 'ghp_secret' }] },
      }),
    );
    const repo = repositories.resolve(
      'https://github.com/example-org/gitops.git',
    );
    expect(repo.displayName).toBe('https://github.com/example-org/gitops.git');
    expect(repo.displayName).not.toContain('ghp_secret');
    expect(
      Buffer.from(
        repo.authorization!.replace('Basic ', ''),
        'base64',
      ).toString(),
    ).toBe('x-access-token:ghp_secret');
  });
});
