import { ConfigReader } from '@backstage/config';
import { runGit } from '../gitops/git';
import { GitRepositories } from '../gitops/GitRepositories';
import {
  createActionContext,
  createBareRepository,
  createWorkspace,
  readBranch,
} from '../__testUtils__/workspace';
import { commitAuthorOf, createCarvelPushAction } from './push';

function actionFor(repository: string) {
  return createCarvelPushAction({
    repositories: GitRepositories.fromConfig(
      new ConfigReader({
        carvel: { gitops: { localRepositories: [repository] } },
      }),
    ),
  });
}

const user = {
  ref: 'user:default/jane',
  entity: {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User' as const,
    metadata: { name: 'jane' },
    spec: { profile: { displayName: 'Jane Doe', email: 'jane@example.com' } },
  },
};

describe('carvel:gitops:push', () => {
  it('commits the workspace to the branch with the user as author', async () => {
    const repository = await createBareRepository({ 'README.md': 'gitops\n' });
    const workspacePath = createWorkspace({
      'README.md': 'gitops\n',
      'app/staging/packageinstall.yaml': 'kind: PackageInstall\n',
    });
    const ctx = createActionContext({
      workspacePath,
      input: { repoUrl: repository, commitMessage: 'Deliver app' },
    });
    Object.assign(ctx, { user });
    await actionFor(repository).handler(ctx);
    expect(await readBranch(repository)).toEqual({
      'README.md': 'gitops\n',
      'app/staging/packageinstall.yaml': 'kind: PackageInstall\n',
    });
    const log = await runGit(['log', '-1', '--format=%an <%ae>|%s', 'main'], {
      cwd: repository,
    });
    expect(log.trim()).toBe('Jane Doe <jane@example.com>|Deliver app');
    expect(ctx.output).toHaveBeenCalledWith('changedFiles', [
      'app/staging/packageinstall.yaml',
    ]);
  });

  it('does not commit twice when run again with the same files', async () => {
    const repository = await createBareRepository({ 'README.md': 'gitops\n' });
    const workspacePath = createWorkspace({ 'a.yaml': 'a\n' });
    await actionFor(repository).handler(
      createActionContext({ workspacePath, input: { repoUrl: repository } }),
    );
    await actionFor(repository).handler(
      createActionContext({ workspacePath, input: { repoUrl: repository } }),
    );
    const count = await runGit(['rev-list', '--count', 'main'], {
      cwd: repository,
    });
    expect(count.trim()).toBe('2');
  });

  it('creates a branch that does not exist yet', async () => {
    const repository = await createBareRepository({ 'README.md': 'gitops\n' });
    const workspacePath = createWorkspace({ 'b.yaml': 'b\n' });
    await actionFor(repository).handler(
      createActionContext({
        workspacePath,
        input: { repoUrl: repository, branch: 'carvel/app' },
      }),
    );
    expect(Object.keys(await readBranch(repository, 'carvel/app'))).toEqual([
      'README.md',
      'b.yaml',
    ]);
    expect(Object.keys(await readBranch(repository, 'main'))).toEqual([
      'README.md',
    ]);
  });

  it('does not push in a dry run', async () => {
    const repository = await createBareRepository({ 'README.md': 'gitops\n' });
    const workspacePath = createWorkspace({ 'c.yaml': 'c\n' });
    const ctx = createActionContext({
      workspacePath,
      input: { repoUrl: repository },
    });
    Object.assign(ctx, { isDryRun: true });
    await actionFor(repository).handler(ctx);
    expect(Object.keys(await readBranch(repository))).toEqual(['README.md']);
    expect(ctx.output).toHaveBeenCalledWith('changedFiles', ['c.yaml']);
  });

  it.each([
    [
      { repoUrl: '/somewhere/else.git' },
      /neither an https URL nor one of the local repositories/,
    ],
    [{ branch: '-f' }, /branch must be a branch or tag name/],
    [{ sourcePath: '../..' }, /must stay inside the workspace/],
  ])('refuses %j', async (input, message) => {
    const repository = await createBareRepository({ 'README.md': 'gitops\n' });
    const workspacePath = createWorkspace({ 'c.yaml': 'c\n' });
    await expect(
      actionFor(repository).handler(
        createActionContext({
          workspacePath,
          input: { repoUrl: repository, ...input },
        }),
      ),
    ).rejects.toThrow(message);
    expect(Object.keys(await readBranch(repository))).toEqual(['README.md']);
  });
});

describe('commitAuthorOf', () => {
  it('falls back when the user has no profile', () => {
    expect(commitAuthorOf(undefined)).toEqual({
      name: 'Backstage scaffolder',
      email: 'scaffolder@users.backstage.invalid',
    });
    expect(commitAuthorOf({ ref: 'user:default/bob' })).toEqual({
      name: 'user:default/bob',
      email: 'scaffolder@users.backstage.invalid',
    });
  });
});
