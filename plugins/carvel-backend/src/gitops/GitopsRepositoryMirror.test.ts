import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { GitRepositories } from '@carvel-gitops/plugin-carvel-node';
import fs from 'node:fs';
import path from 'node:path';
import { BareRepositoryMirror } from './BareRepositoryMirror';
import { GitopsRepositoryMirror } from './GitopsRepositoryMirror';
import { readGitopsMirrorSettings } from './gitopsMirrorSettings';
import {
  createGitopsRepository,
  createTemporaryFolder,
  gitopsAppYaml,
  packageInstallYaml,
  packageYaml,
} from './__testUtils__/gitopsRepository';

// Every test runs real git processes, which a busy machine slows down.
jest.setTimeout(60_000);

function mirrorOf(gitops: Record<string, unknown>) {
  const config = new ConfigReader({
    carvel: {
      gitops: { mirror: { directory: createTemporaryFolder() }, ...gitops },
    },
  });
  return new GitopsRepositoryMirror({
    settings: readGitopsMirrorSettings(config),
    resolver: GitRepositories.fromConfig(config),
    logger: mockServices.logger.mock(),
  });
}

describe('GitopsRepositoryMirror', () => {
  it('reads the desired PackageInstalls and the GitOps Apps at the branch head', async () => {
    const repo = await createGitopsRepository();
    const head = await repo.commit(
      {
        'app.default.tap/packages/1.0.0.yaml': packageYaml('1.0.0'),
        'app.default.tap/staging/packageinstall.yaml':
          packageInstallYaml('>=1.0.0'),
        'app.default.tap/staging/params.yaml': 'kind: Secret\n',
        'app.default.tap/apps/staging.yaml': gitopsAppYaml('staging'),
      },
      '2026-11-30T10:00:00Z',
    );
    const mirror = mirrorOf({ localRepositories: [repo.bare] });
    await mirror.refresh();

    const [state] = mirror.desiredState().repositories;
    expect(state).toMatchObject({
      repository: repo.bare,
      branch: 'main',
      commit: head,
      committedAt: '2026-11-30T10:00:00.000Z',
      problems: [],
    });
    expect(state.packageInstalls).toEqual([
      {
        repository: repo.bare,
        commit: head,
        committedAt: '2026-11-30T10:00:00.000Z',
        file: 'app.default.tap/staging/packageinstall.yaml',
        packageName: 'app.default.tap',
        cluster: 'staging',
        namespace: 'apps',
        name: 'app',
        constraints: '>=1.0.0',
        serviceAccountName: 'app-installer',
        valuesSecretNames: ['app-values'],
      },
    ]);
    expect(state.apps).toEqual([
      expect.objectContaining({
        name: 'app.default.tap-staging',
        targetCluster: 'staging',
        commit: head,
      }),
    ]);
    expect(state.packages).toEqual([
      expect.objectContaining({
        file: 'app.default.tap/packages/1.0.0.yaml',
        packageName: 'app.default.tap',
        version: '1.0.0',
        commit: head,
      }),
    ]);
  });

  it('sees a new commit after refresh() and tells its listeners', async () => {
    const repo = await createGitopsRepository();
    const first = await repo.commit({
      'app.default.tap/prod/packageinstall.yaml': packageInstallYaml('1.0.0'),
    });
    const mirror = mirrorOf({ localRepositories: [repo.bare] });
    await mirror.refresh();
    const listener = jest.fn();
    mirror.onChange(listener);

    const second = await repo.commit({
      'app.default.tap/prod/packageinstall.yaml': packageInstallYaml('1.1.0'),
    });
    expect(mirror.desiredState().repositories[0].commit).toBe(first);
    await mirror.refresh();

    const [state] = mirror.desiredState().repositories;
    expect(state.commit).toBe(second);
    expect(state.packageInstalls[0].constraints).toBe('1.1.0');
    expect(listener).toHaveBeenCalledTimes(1);
    await mirror.refresh();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('fetches a local repository whose head moved, and only then', async () => {
    const repo = await createGitopsRepository();
    await repo.commit({
      'a/prod/packageinstall.yaml': packageInstallYaml('1'),
    });
    const mirror = mirrorOf({ localRepositories: [repo.bare] });
    await mirror.refresh();
    const listener = jest.fn();
    mirror.onChange(listener);

    await mirror.refreshMovedLocalHeads();
    expect(listener).not.toHaveBeenCalled();

    const pushed = await repo.commit({
      'a/prod/packageinstall.yaml': packageInstallYaml('2'),
    });
    await mirror.refreshMovedLocalHeads();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(mirror.desiredState().repositories[0].commit).toBe(pushed);
  });

  it('follows a local repository that appears after the start at the next head check', async () => {
    const folder = createTemporaryFolder();
    const bare = path.join(folder, 'gitops-repo.git');
    const mirror = mirrorOf({ localRepositories: [bare] });
    await mirror.refresh();
    expect(mirror.desiredState().repositories[0].problems).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('carvel.gitops.localRepositories'),
      }),
    ]);

    const repo = await createGitopsRepository();
    const head = await repo.commit({ a: '1' });
    fs.renameSync(repo.bare, bare);
    await mirror.refreshMovedLocalHeads();
    expect(mirror.desiredState().repositories[0]).toMatchObject({
      commit: head,
      problems: [],
    });
  });

  it('fetches the repository a push of ours announced, not the others', async () => {
    const pushedTo = await createGitopsRepository();
    const other = await createGitopsRepository();
    await pushedTo.commit({ a: '1' });
    const otherHead = await other.commit({ a: '1' });
    const mirror = mirrorOf({
      localRepositories: [pushedTo.bare, other.bare],
    });
    await mirror.refresh();
    const pushed = await pushedTo.commit({ a: '2' });
    await other.commit({ a: '2' });

    await mirror.refreshPushed({
      repository: pushedTo.bare,
      branch: 'main',
      commit: pushed,
    });
    expect(mirror.desiredState().repositories.map(r => r.commit)).toEqual([
      pushed,
      otherHead,
    ]);
  });

  it('makes bad YAML and huge files problems of their own file and reads the others', async () => {
    const repo = await createGitopsRepository();
    await repo.commit({
      'good/prod/packageinstall.yaml': packageInstallYaml('1.0.0'),
      'bad/prod/packageinstall.yaml': 'kind: PackageInstall\nspec: [\n',
      'huge/prod/packageinstall.yaml': `# ${'x'.repeat(300 * 1024)}\n`,
      'deep/apps/prod.yaml': `x: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
    });
    const mirror = mirrorOf({ localRepositories: [repo.bare] });
    await mirror.refresh();

    const [state] = mirror.desiredState().repositories;
    expect(state.packageInstalls.map(p => p.file)).toEqual([
      'good/prod/packageinstall.yaml',
    ]);
    expect(state.problems).toEqual([
      {
        repository: repo.bare,
        file: 'bad/prod/packageinstall.yaml',
        message: expect.stringMatching(/^is not valid YAML/),
      },
      {
        repository: repo.bare,
        file: 'deep/apps/prod.yaml',
        message: 'nests deeper than 32 levels',
      },
      {
        repository: repo.bare,
        file: 'huge/prod/packageinstall.yaml',
        message: expect.stringMatching(/more than the 262144 read$/),
      },
    ]);
  });

  it('tells the commit time of any commit it has and whether one is an ancestor of another', async () => {
    const repo = await createGitopsRepository();
    const older = await repo.commit({ a: '1' }, '2026-11-01T08:00:00Z');
    const newer = await repo.commit({ a: '2' }, '2026-11-02T09:30:00Z');
    const mirror = mirrorOf({ localRepositories: [repo.bare] });
    await mirror.refresh();

    expect(await mirror.commitTime(older)).toBe('2026-11-01T08:00:00.000Z');
    expect(await mirror.commitTime(newer)).toBe('2026-11-02T09:30:00.000Z');
    expect(await mirror.commitTime('f'.repeat(40))).toBeUndefined();
    expect(await mirror.commitTime('--output=/tmp/x')).toBeUndefined();
    expect(await mirror.isAncestor(older, newer)).toBe(true);
    expect(await mirror.isAncestor(newer, older)).toBe(false);
    expect(await mirror.isAncestor('f'.repeat(40), newer)).toBeUndefined();
  });

  it('asks git once for an ancestry it proved, and again for one it did not', async () => {
    const repo = await createGitopsRepository();
    const older = await repo.commit({ a: '1' });
    const newer = await repo.commit({ a: '2' });
    const mirror = mirrorOf({ localRepositories: [repo.bare] });
    await mirror.refresh();
    const asked = jest.spyOn(BareRepositoryMirror.prototype, 'isAncestor');
    try {
      expect(await mirror.isAncestor(older, newer)).toBe(true);
      expect(await mirror.isAncestor(older, newer)).toBe(true);
      expect(asked).toHaveBeenCalledTimes(1);
      expect(await mirror.isAncestor(newer, older)).toBe(false);
      expect(await mirror.isAncestor(newer, older)).toBe(false);
      expect(asked).toHaveBeenCalledTimes(3);
    } finally {
      asked.mockRestore();
    }
  });

  it('reports a repository it may not follow as a problem, and still follows the others', async () => {
    const repo = await createGitopsRepository();
    await repo.commit({
      'a/prod/packageinstall.yaml': packageInstallYaml('1'),
    });
    const mirror = mirrorOf({
      localRepositories: [repo.bare],
      repositories: [
        { url: 'http://git.example.com/acme/gitops.git' },
        { url: 'https://user:hunter2@git.example.com/acme/gitops.git' },
        { url: '/etc', branch: 'main' },
        { url: 'https://git.example.com/acme/gitops.git', branch: '-x' },
      ],
    });
    await mirror.refresh();

    const states = mirror.desiredState().repositories;
    expect(states.map(s => [s.repository, s.problems[0]?.message])).toEqual([
      [
        'http://git.example.com/acme/gitops.git',
        expect.stringContaining('uses http'),
      ],
      [
        'https://***@git.example.com/acme/gitops.git',
        expect.stringContaining('must not contain credentials'),
      ],
      ['/etc', expect.stringContaining('carvel.gitops.localRepositories')],
      [
        'https://git.example.com/acme/gitops.git',
        expect.stringContaining('must be a branch name'),
      ],
      [repo.bare, undefined],
    ]);
    expect(states[4].packageInstalls).toHaveLength(1);
    expect(JSON.stringify(states)).not.toContain('hunter2');
  });

  it('settles its first read once every repository was read or failed, and not before', async () => {
    const repo = await createGitopsRepository();
    await repo.commit({
      'a/prod/packageinstall.yaml': packageInstallYaml('1'),
    });
    const mirror = mirrorOf({
      localRepositories: [repo.bare],
      repositories: [{ url: 'http://git.example.com/acme/gitops.git' }],
    });
    let settled = false;
    const firstRead = mirror.firstRead(60_000).then(() => {
      settled = true;
    });
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(settled).toBe(false);

    await mirror.refresh();
    await firstRead;
    expect(
      mirror.desiredState().repositories.map(r => r.packageInstalls.length),
    ).toEqual([0, 1]);
  });

  it('stops waiting for a first read after the timeout', async () => {
    const mirror = mirrorOf({ localRepositories: [createTemporaryFolder()] });
    await expect(mirror.firstRead(10)).resolves.toBeUndefined();
    expect(mirror.desiredState().repositories[0].commit).toBeUndefined();
  });

  it('keeps what it read when a later fetch fails, with the failure as a problem', async () => {
    const repo = await createGitopsRepository();
    const head = await repo.commit({
      'a/prod/packageinstall.yaml': packageInstallYaml('1'),
    });
    const mirror = mirrorOf({ localRepositories: [repo.bare] });
    await mirror.refresh();
    fs.rmSync(path.join(repo.bare, 'objects'), { recursive: true });
    await mirror.refresh();

    const [state] = mirror.desiredState().repositories;
    expect(state.commit).toBe(head);
    expect(state.packageInstalls).toHaveLength(1);
    expect(state.problems).toEqual([
      {
        repository: repo.bare,
        message: expect.stringMatching(/^could not be fetched: git /),
      },
    ]);
  });

  it('refuses a mirror over the size bound and removes it', async () => {
    const repo = await createGitopsRepository();
    await repo.commit({
      'a/prod/packageinstall.yaml': packageInstallYaml('1'),
    });
    const directory = createTemporaryFolder();
    const mirror = mirrorOf({
      localRepositories: [repo.bare],
      mirror: { directory, maxMegabytes: 0.0001 },
    });
    await mirror.refresh();

    const [state] = mirror.desiredState().repositories;
    expect(state.commit).toBeUndefined();
    expect(state.problems).toEqual([
      {
        repository: repo.bare,
        message: expect.stringMatching(
          /^could not be fetched: takes \d+ MiB, more than the 0 MiB mirrored$/,
        ),
      },
    ]);
    expect(fs.readdirSync(directory)).toEqual([]);
  });

  it('runs the refresh and the local head check on the scheduler', async () => {
    const repo = await createGitopsRepository();
    const mirror = mirrorOf({
      localRepositories: [repo.bare],
      refreshSeconds: 30,
    });
    const scheduler = { scheduleTask: jest.fn() };
    await mirror.start(scheduler as any);
    expect(scheduler.scheduleTask.mock.calls.map(([task]) => task)).toEqual([
      expect.objectContaining({
        id: 'carvel-gitops-mirror-refresh',
        scope: 'local',
        frequency: { seconds: 30 },
      }),
      expect.objectContaining({
        id: 'carvel-gitops-mirror-local-heads',
        frequency: { seconds: 2 },
      }),
    ]);
  });
});
