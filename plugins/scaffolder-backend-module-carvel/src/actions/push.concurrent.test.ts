import { ConfigReader } from '@backstage/config';
import { ConflictError, InputError } from '@backstage/errors';
import fs from 'node:fs';
import path from 'node:path';
import { GitRepositories, runGit } from '@carvel-gitops/plugin-carvel-node';
import {
  commitToRepository,
  createActionContext,
  createBareRepository,
  createWorkspace,
  readBranch,
} from '../__testUtils__/workspace';
import { createCarvelFetchAction } from './fetch';
import { createCarvelPushAction } from './push';

// Every test runs real git processes, which a busy machine slows down.
jest.setTimeout(60_000);

const PROD = 'app.default.tap/prod/packageinstall.yaml';
const STAGING = 'app.default.tap/staging/packageinstall.yaml';

const seed = {
  'README.md': 'gitops\n',
  [PROD]: 'constraints: ">=0.0.0"\n',
  [STAGING]: 'constraints: ">=0.0.0"\n',
};

function repositoriesFor(repository: string) {
  return GitRepositories.fromConfig(
    new ConfigReader({
      carvel: { gitops: { localRepositories: [repository] } },
    }),
  );
}

/** A template run: fetch into a fresh workspace; returns the workspace and the fetched commit. */
async function fetchRun(repository: string) {
  const workspacePath = createWorkspace();
  const ctx = createActionContext({
    workspacePath,
    input: { repoUrl: repository },
  });
  await createCarvelFetchAction({
    repositories: repositoriesFor(repository),
  }).handler(ctx);
  return workspacePath;
}

function write(workspacePath: string, files: Record<string, string>) {
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(workspacePath, file)), {
      recursive: true,
    });
    fs.writeFileSync(path.join(workspacePath, file), content);
  }
}

async function push(
  repository: string,
  workspacePath: string,
  input: Record<string, unknown> = {},
) {
  const ctx = createActionContext({
    workspacePath,
    input: { repoUrl: repository, ...input },
  });
  const error = await createCarvelPushAction({
    repositories: repositoriesFor(repository),
  })
    .handler(ctx)
    .then(
      () => undefined,
      e => e,
    );
  const outputs = Object.fromEntries((ctx.output as jest.Mock).mock.calls);
  return { error, outputs };
}

const headOf = async (repository: string, branch = 'main') =>
  (await runGit(['rev-parse', branch], { cwd: repository })).trim();

describe('carvel:gitops:push after carvel:gitops:fetch', () => {
  it('keeps a commit another user pushed after the fetch (the prod pin is not reverted)', async () => {
    const repository = await createBareRepository(seed);
    const workspacePath = await fetchRun(repository);
    const pin = await commitToRepository(repository, {
      [PROD]: 'constraints: "1.0.0"\n',
    });
    write(workspacePath, {
      'catalog.default.tap/staging/packageinstall.yaml': 'catalog\n',
    });

    const { error, outputs } = await push(repository, workspacePath);

    expect(error).toBeUndefined();
    expect(await readBranch(repository)).toEqual({
      ...seed,
      [PROD]: 'constraints: "1.0.0"\n',
      'catalog.default.tap/staging/packageinstall.yaml': 'catalog\n',
    });
    expect(outputs.changedFiles).toEqual([
      'catalog.default.tap/staging/packageinstall.yaml',
    ]);
    expect(
      (await runGit(['rev-parse', 'main^'], { cwd: repository })).trim(),
    ).toBe(pin);
  });

  it('lands ten runs started at once, each for a different cluster, with every change', async () => {
    const repository = await createBareRepository(seed);
    const clusters = Array.from({ length: 10 }, (_, i) => `cluster-${i}`);
    const workspaces = await Promise.all(
      clusters.map(() => fetchRun(repository)),
    );
    clusters.forEach((cluster, i) =>
      write(workspaces[i], {
        [`app.default.tap/${cluster}/packageinstall.yaml`]: `${cluster}\n`,
      }),
    );

    const results = await Promise.all(
      workspaces.map(workspacePath => push(repository, workspacePath)),
    );

    expect(results.map(r => r.error)).toEqual(clusters.map(() => undefined));
    const files = await readBranch(repository);
    for (const cluster of clusters)
      expect(files[`app.default.tap/${cluster}/packageinstall.yaml`]).toBe(
        `${cluster}\n`,
      );
    expect(files[PROD]).toBe(seed[PROD]);
    expect(
      (
        await runGit(['rev-list', '--count', 'main'], { cwd: repository })
      ).trim(),
    ).toBe('11');
  }, 300_000);

  it('refuses a file changed on both sides, names it, and pushes nothing', async () => {
    const repository = await createBareRepository(seed);
    const workspacePath = await fetchRun(repository);
    const pin = await commitToRepository(repository, {
      [PROD]: 'constraints: "1.0.0"\n',
    });
    write(workspacePath, {
      [PROD]: 'constraints: ">=1.1.0"\n',
      'app.default.tap/qa/packageinstall.yaml': 'qa\n',
    });

    const { error } = await push(repository, workspacePath);

    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toContain(PROD);
    expect(error.message).toMatch(/Nothing was pushed/);
    expect(error.message).not.toContain('qa/packageinstall.yaml');
    expect(await headOf(repository)).toBe(pin);
  });

  it('accepts the same change made on both sides without a second commit', async () => {
    const repository = await createBareRepository(seed);
    const workspacePath = await fetchRun(repository);
    const pin = await commitToRepository(repository, {
      [PROD]: 'constraints: "1.0.0"\n',
    });
    write(workspacePath, { [PROD]: 'constraints: "1.0.0"\n' });

    const { error, outputs } = await push(repository, workspacePath);

    expect(error).toBeUndefined();
    expect(outputs.changedFiles).toEqual([]);
    expect(await headOf(repository)).toBe(pin);
  });

  it('deletes what the run deleted since the fetch, and nothing else', async () => {
    const repository = await createBareRepository(seed);
    const workspacePath = await fetchRun(repository);
    await commitToRepository(repository, { 'added-meanwhile.yaml': 'x\n' });
    fs.rmSync(path.join(workspacePath, STAGING));

    const { error, outputs } = await push(repository, workspacePath);

    expect(error).toBeUndefined();
    expect(outputs.changedFiles).toEqual([STAGING]);
    expect(Object.keys(await readBranch(repository))).toEqual([
      'README.md',
      'added-meanwhile.yaml',
      PROD,
    ]);
  });

  it('never deletes files when the folder was not fetched', async () => {
    const repository = await createBareRepository(seed);
    const workspacePath = createWorkspace({ [PROD]: 'constraints: "2"\n' });

    const { error } = await push(repository, workspacePath);

    expect(error).toBeUndefined();
    expect(await readBranch(repository)).toEqual({
      ...seed,
      [PROD]: 'constraints: "2"\n',
    });
  });

  it('starts a new branch at the fetched commit and keeps the fetch record out of git', async () => {
    const repository = await createBareRepository(seed);
    const workspacePath = await fetchRun(repository);
    const fetched = await headOf(repository);
    await commitToRepository(repository, { [PROD]: 'constraints: "1.0.0"\n' });
    write(workspacePath, { [STAGING]: 'constraints: "1.1.0"\n' });

    const { error } = await push(repository, workspacePath, {
      branch: 'carvel/staging',
    });

    expect(error).toBeUndefined();
    expect(
      (
        await runGit(['rev-parse', 'carvel/staging^'], { cwd: repository })
      ).trim(),
    ).toBe(fetched);
    expect(await readBranch(repository, 'carvel/staging')).toEqual({
      ...seed,
      [STAGING]: 'constraints: "1.1.0"\n',
    });
  });

  it('uses an explicit baseCommit and refuses one that is not a commit id', async () => {
    const repository = await createBareRepository(seed);
    const base = await headOf(repository);
    await commitToRepository(repository, { [PROD]: 'constraints: "1.0.0"\n' });
    const workspacePath = createWorkspace({
      ...seed,
      [STAGING]: 'constraints: "1.1.0"\n',
    });

    expect(
      (await push(repository, workspacePath, { baseCommit: 'main' })).error,
    ).toBeInstanceOf(InputError);
    const { error } = await push(repository, workspacePath, {
      baseCommit: base,
    });

    expect(error).toBeUndefined();
    expect(await readBranch(repository)).toEqual({
      ...seed,
      [PROD]: 'constraints: "1.0.0"\n',
      [STAGING]: 'constraints: "1.1.0"\n',
    });
  });
});
