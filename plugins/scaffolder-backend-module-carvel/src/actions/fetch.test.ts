import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import fs from 'node:fs';
import path from 'node:path';
import { GitRepositories, runGit } from '@carvel-gitops/plugin-carvel-node';
import {
  createActionContext,
  createBareRepository,
  createWorkspace,
  readTree,
} from '../__testUtils__/workspace';
import { createCarvelFetchAction } from './fetch';

// Every test runs real git processes, which a busy machine slows down.
jest.setTimeout(60_000);

function localOnly(repo: string) {
  return GitRepositories.fromConfig(
    new ConfigReader({ carvel: { gitops: { localRepositories: [repo] } } }),
  );
}

/** A bare repository with one commit of the work tree `work` (which may hold symlinks). */
async function bareRepositoryOf(work: string) {
  await runGit(['init', '--quiet', '--initial-branch=main'], { cwd: work });
  await runGit(['add', '--all'], { cwd: work });
  await runGit(
    ['-c', 'user.name=t', '-c', 'user.email=t@e', 'commit', '-qm', 'init'],
    { cwd: work },
  );
  await runGit(['clone', '--quiet', '--bare', work, `${work}.git`]);
  return `${work}.git`;
}

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
    const { '.git/carvel-gitops-fetch.json': record, ...files } =
      readTree(workspacePath);
    expect(files).toEqual({
      'gitops/app.default.tap/packages/1.0.0.yaml': 'kind: Package\n',
    });
    const commit = (ctx.output as jest.Mock).mock.calls.find(
      ([name]) => name === 'commit',
    )?.[1];
    expect(commit).toMatch(/^[0-9a-f]{40}$/);
    expect(JSON.parse(record)).toEqual({
      gitops: { repository: repo, commit },
    });
  });

  it('keeps symlinks as symlinks and never writes through a symlinked folder', async () => {
    const outside = createWorkspace();
    const work = createWorkspace({ 'data/values.yaml': 'a: 1\n' });
    fs.symlinkSync('data/values.yaml', path.join(work, 'current.yaml'));
    fs.symlinkSync('/etc/passwd', path.join(work, 'outside'));
    const repo = await bareRepositoryOf(work);
    const workspacePath = createWorkspace();
    fs.symlinkSync(outside, path.join(workspacePath, 'data'));
    await createCarvelFetchAction({ repositories: localOnly(repo) }).handler(
      createActionContext({ workspacePath, input: { repoUrl: repo } }),
    );
    expect(fs.readlinkSync(path.join(workspacePath, 'current.yaml'))).toBe(
      'data/values.yaml',
    );
    expect(fs.readlinkSync(path.join(workspacePath, 'outside'))).toBe(
      '/etc/passwd',
    );
    expect(fs.readdirSync(outside)).toEqual([]);
    expect(
      fs.readFileSync(path.join(workspacePath, 'data/values.yaml'), 'utf8'),
    ).toBe('a: 1\n');
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
      /branch must be a branch name/,
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
