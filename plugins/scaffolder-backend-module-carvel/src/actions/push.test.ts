import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import fs from 'node:fs';
import path from 'node:path';
import { GitRepositories, runGit } from '@carvel-gitops/plugin-carvel-node';
import {
  createActionContext,
  createBareRepository,
  createWorkspace,
  readBranch,
} from '../__testUtils__/workspace';
import { createCarvelFetchAction } from './fetch';
import { commitAuthorOf, createCarvelPushAction } from './push';

// Every test runs real git processes, which a busy machine slows down.
jest.setTimeout(60_000);

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

  it('announces the moved branch after a push, and nothing in dry-run or without changes', async () => {
    const repository = await createBareRepository({ 'README.md': 'gitops\n' });
    const onPushed = jest.fn(async () => {});
    const action = createCarvelPushAction({
      repositories: GitRepositories.fromConfig(
        new ConfigReader({
          carvel: { gitops: { localRepositories: [repository] } },
        }),
      ),
      onPushed,
    });
    const workspacePath = createWorkspace({ 'a.yaml': 'a\n' });
    const dryRun = createActionContext({
      workspacePath,
      input: { repoUrl: repository },
    });
    Object.assign(dryRun, { isDryRun: true });
    await action.handler(dryRun);
    expect(onPushed).not.toHaveBeenCalled();

    await action.handler(
      createActionContext({ workspacePath, input: { repoUrl: repository } }),
    );
    const head = await runGit(['rev-parse', 'main'], { cwd: repository });
    expect(onPushed).toHaveBeenCalledWith({
      repository,
      branch: 'main',
      commit: head.trim(),
    });
    await action.handler(
      createActionContext({ workspacePath, input: { repoUrl: repository } }),
    );
    expect(onPushed).toHaveBeenCalledTimes(1);
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
    [{ branch: '-f' }, /branch must be a branch name/],
    [{ branch: 'a..b' }, /branch must be a branch name/],
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

  it('refuses a sourcePath that is a symlink out of the workspace with an InputError', async () => {
    const repository = await createBareRepository({ 'README.md': 'gitops\n' });
    const workspacePath = createWorkspace();
    fs.symlinkSync(createWorkspace(), path.join(workspacePath, 'out'));
    const error = await actionFor(repository)
      .handler(
        createActionContext({
          workspacePath,
          input: { repoUrl: repository, sourcePath: 'out' },
        }),
      )
      .then(
        () => undefined,
        e => e,
      );
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(/sourcePath 'out' must stay inside/);
  });

  it('matches an existing branch exactly, not by suffix', async () => {
    const repository = await createBareRepository({ 'README.md': 'gitops\n' });
    await runGit(['branch', 'team/carvel', 'main'], { cwd: repository });
    const workspacePath = createWorkspace({ 'd.yaml': 'd\n' });
    await actionFor(repository).handler(
      createActionContext({
        workspacePath,
        input: { repoUrl: repository, branch: 'carvel' },
      }),
    );
    expect(Object.keys(await readBranch(repository, 'carvel'))).toEqual([
      'README.md',
      'd.yaml',
    ]);
    expect(Object.keys(await readBranch(repository, 'team/carvel'))).toEqual([
      'README.md',
    ]);
  });

  it('pushes symlinks from a fetched repository unchanged, never their targets', async () => {
    const work = createWorkspace({ 'data/values.yaml': 'a: 1\n' });
    fs.symlinkSync('data/values.yaml', path.join(work, 'current.yaml'));
    fs.symlinkSync('/etc/passwd', path.join(work, 'outside'));
    await runGit(['init', '--quiet', '--initial-branch=main'], { cwd: work });
    await runGit(['add', '--all'], { cwd: work });
    await runGit(
      ['-c', 'user.name=t', '-c', 'user.email=t@e', 'commit', '-qm', 'init'],
      { cwd: work },
    );
    const repository = `${work}.git`;
    await runGit(['clone', '--quiet', '--bare', work, repository]);
    const before = await runGit(['ls-tree', '-r', 'main'], {
      cwd: repository,
    });
    const workspacePath = createWorkspace();
    const repositories = GitRepositories.fromConfig(
      new ConfigReader({
        carvel: { gitops: { localRepositories: [repository] } },
      }),
    );
    await createCarvelFetchAction({ repositories }).handler(
      createActionContext({ workspacePath, input: { repoUrl: repository } }),
    );
    fs.writeFileSync(path.join(workspacePath, 'new.yaml'), 'n\n');
    await actionFor(repository).handler(
      createActionContext({ workspacePath, input: { repoUrl: repository } }),
    );
    const after = await runGit(['ls-tree', '-r', 'main'], {
      cwd: repository,
    });
    expect(after.split('\n').filter(l => !l.endsWith('new.yaml'))).toEqual(
      before.split('\n'),
    );
    expect(after).toMatch(/^120000 blob \w+\toutside$/m);
    expect(await runGit(['show', 'main:outside'], { cwd: repository })).toBe(
      '/etc/passwd',
    );
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
