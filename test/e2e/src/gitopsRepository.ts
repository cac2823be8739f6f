import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

function git(gitDir: string, args: string[], env?: NodeJS.ProcessEnv) {
  return execFileSync('git', ['--git-dir', gitDir, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
    .toString()
    .trim();
}

export function commitsOn(gitDir: string, branch: string): number {
  return Number(git(gitDir, ['rev-list', '--count', branch]));
}

export function headOf(gitDir: string, branch: string): string {
  return git(gitDir, ['rev-parse', `refs/heads/${branch}`]);
}

export function hasFile(gitDir: string, branch: string, file: string) {
  try {
    git(gitDir, ['cat-file', '-e', `${branch}:${file}`]);
    return true;
  } catch {
    return false;
  }
}

/**
 * Commits `content` as `file` on `branch` straight into the bare repository, as a push by someone
 * else would land (no event reaches the backend). Returns the new commit.
 */
export function commitBySomeoneElse(
  gitDir: string,
  branch: string,
  file: string,
  content: string,
): string {
  const indexDir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-index-'));
  const env = {
    GIT_INDEX_FILE: path.join(indexDir, 'index'),
    GIT_AUTHOR_NAME: 'Someone Else',
    GIT_AUTHOR_EMAIL: 'someone@example.com',
    GIT_COMMITTER_NAME: 'Someone Else',
    GIT_COMMITTER_EMAIL: 'someone@example.com',
  };
  try {
    const parent = headOf(gitDir, branch);
    const blob = execFileSync(
      'git',
      ['--git-dir', gitDir, 'hash-object', '-w', '--stdin'],
      { input: content },
    )
      .toString()
      .trim();
    git(gitDir, ['read-tree', parent], env);
    git(
      gitDir,
      ['update-index', '--add', '--cacheinfo', `100644,${blob},${file}`],
      env,
    );
    const tree = git(gitDir, ['write-tree'], env);
    const commit = git(
      gitDir,
      ['commit-tree', tree, '-p', parent, '-m', `Edit ${file}`],
      env,
    );
    git(gitDir, ['update-ref', `refs/heads/${branch}`, commit, parent]);
    return commit;
  } finally {
    fs.rmSync(indexDir, { recursive: true, force: true });
  }
}

/** Resolves with the new head and when it was seen, once `branch` moves away from `from`. */
export async function waitForHeadToMove(
  gitDir: string,
  branch: string,
  from: string,
  options: { timeoutMs: number; pollMs: number },
): Promise<{ commit: string; seenAt: number }> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const { stdout } = await execFileAsync('git', [
      '--git-dir',
      gitDir,
      'rev-parse',
      `refs/heads/${branch}`,
    ]);
    const commit = stdout.trim();
    if (commit !== from) return { commit, seenAt: Date.now() };
    if (Date.now() > deadline) {
      throw new Error(
        `${branch} did not move within ${options.timeoutMs / 1000} s`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, options.pollMs));
  }
}
