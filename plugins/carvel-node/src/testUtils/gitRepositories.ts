import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runGit } from '../git/git';

const AUTHOR = ['-c', 'user.name=t', '-c', 'user.email=t@example.com'];

/** A temporary folder holding `files`. */
export function createFolder(files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carvel-node-test-'));
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

/** A bare git repository whose main branch holds `files`. */
export async function createBareRepository(
  files: Record<string, string>,
): Promise<string> {
  const work = createFolder(files);
  await runGit(['init', '--quiet', '--initial-branch=main'], { cwd: work });
  await runGit(['add', '--all'], { cwd: work });
  await runGit(
    [...AUTHOR, 'commit', '--quiet', '--allow-empty', '-m', 'init'],
    {
      cwd: work,
    },
  );
  const bare = `${work}.git`;
  await runGit(['clone', '--quiet', '--bare', work, bare]);
  return bare;
}

/** Commits `files` (content, or null to delete) to `branch` of a bare repository; returns the commit. */
export async function commitToRepository(
  repository: string,
  files: Record<string, string | null>,
  options: { branch?: string; date?: string; author?: string } = {},
): Promise<string> {
  const branch = options.branch ?? 'main';
  const work = createFolder();
  await runGit(['clone', '--quiet', '--branch', branch, repository, work]);
  for (const [file, content] of Object.entries(files)) {
    const full = path.join(work, file);
    if (content === null) fs.rmSync(full);
    else {
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, content);
    }
  }
  await runGit(['add', '--all'], { cwd: work });
  const env: Record<string, string> = options.date
    ? { GIT_AUTHOR_DATE: options.date, GIT_COMMITTER_DATE: options.date }
    : {};
  const author = options.author
    ? ['-c', `user.name=${options.author}`, '-c', 'user.email=o@example.com']
    : AUTHOR;
  await runGit([...author, 'commit', '--allow-empty', '-qm', 'change'], {
    cwd: work,
    env,
  });
  await runGit(['push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`], {
    cwd: work,
  });
  return (await runGit(['rev-parse', 'HEAD'], { cwd: work })).trim();
}
