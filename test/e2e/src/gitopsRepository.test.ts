import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  commitBySomeoneElse,
  commitsOn,
  hasFile,
  headOf,
  waitForHeadToMove,
} from './gitopsRepository';

describe('gitopsRepository', () => {
  let gitDir: string;

  beforeEach(() => {
    gitDir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-repo-'));
    execFileSync('git', ['init', '--bare', '-q', '-b', 'main', gitDir]);
  });

  afterEach(() => fs.rmSync(gitDir, { recursive: true, force: true }));

  function seedCommit() {
    const env = {
      ...process.env,
      GIT_AUTHOR_NAME: 'seed',
      GIT_AUTHOR_EMAIL: 'seed@example.com',
      GIT_COMMITTER_NAME: 'seed',
      GIT_COMMITTER_EMAIL: 'seed@example.com',
    };
    const tree = execFileSync('git', ['--git-dir', gitDir, 'mktree'], {
      input: '',
      env,
    })
      .toString()
      .trim();
    const commit = execFileSync(
      'git',
      ['--git-dir', gitDir, 'commit-tree', tree, '-m', 'seed'],
      { env },
    )
      .toString()
      .trim();
    execFileSync('git', [
      '--git-dir',
      gitDir,
      'update-ref',
      'refs/heads/main',
      commit,
    ]);
    return commit;
  }

  it('commits a file on top of the branch, keeping what was there', () => {
    const seed = seedCommit();
    const first = commitBySomeoneElse(gitDir, 'main', 'a/one.yaml', 'one\n');
    const second = commitBySomeoneElse(gitDir, 'main', 'README.md', 'hi\n');

    expect(headOf(gitDir, 'main')).toBe(second);
    expect(first).not.toBe(seed);
    expect(commitsOn(gitDir, 'main')).toBe(3);
    expect(hasFile(gitDir, 'main', 'a/one.yaml')).toBe(true);
    expect(hasFile(gitDir, 'main', 'README.md')).toBe(true);
    expect(hasFile(gitDir, 'main', 'missing.yaml')).toBe(false);
    expect(
      execFileSync('git', [
        '--git-dir',
        gitDir,
        'show',
        'main:README.md',
      ]).toString(),
    ).toBe('hi\n');
  });

  it('sees the head move, and gives up at its deadline otherwise', async () => {
    const seed = seedCommit();
    await expect(
      waitForHeadToMove(gitDir, 'main', seed, { timeoutMs: 50, pollMs: 10 }),
    ).rejects.toThrow('main did not move within 0.05 s');

    const moved = commitBySomeoneElse(gitDir, 'main', 'x.yaml', 'x\n');
    await expect(
      waitForHeadToMove(gitDir, 'main', seed, { timeoutMs: 1000, pollMs: 10 }),
    ).resolves.toMatchObject({ commit: moved });
  });
});
