import { execFile } from 'node:child_process';
import {
  mkdtemp,
  mkdir,
  readdir,
  readFile,
  rm,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await execFileAsync(
    'git',
    ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args],
    { cwd },
  );
  return stdout;
}

/** A bare repository plus a work tree to commit and push from, as the scaffolder would. */
export interface TestGitopsRepository {
  bare: string;
  /** Writes (or, with null, deletes) files, commits and pushes to main. */
  commit(
    changes: Record<string, string | null>,
    message?: string,
  ): Promise<void>;
  /** Removes a folder, commits and pushes. */
  removeFolder(folder: string): Promise<void>;
  /** The commit main points at in the bare repository. */
  head(): Promise<string>;
  dispose(): Promise<void>;
}

export async function createGitopsRepository(
  files: Record<string, string>,
): Promise<TestGitopsRepository> {
  const dir = await mkdtemp(path.join(tmpdir(), 'demo-clusters-git-'));
  const work = path.join(dir, 'work');
  const bare = path.join(dir, 'gitops-repo.git');
  await mkdir(work);
  await git(work, ['init', '--quiet', '--initial-branch=main']);
  const push = async (message: string) => {
    await git(work, ['add', '--all']);
    await git(work, ['commit', '--quiet', '--allow-empty', '-m', message]);
    await git(work, ['push', '--quiet', bare, 'main']);
  };
  const write = async (changes: Record<string, string | null>) => {
    for (const [file, content] of Object.entries(changes)) {
      const full = path.join(work, file);
      if (content === null) {
        await rm(full, { force: true });
      } else {
        await mkdir(path.dirname(full), { recursive: true });
        await writeFile(full, content);
      }
    }
  };
  await write(files);
  await git(dir, ['init', '--quiet', '--bare', '--initial-branch=main', bare]);
  await push('initial');
  return {
    bare,
    async commit(changes, message = 'change') {
      await write(changes);
      await push(message);
    },
    async removeFolder(folder) {
      await rm(path.join(work, folder), { recursive: true, force: true });
      await push(`remove ${folder}`);
    },
    head: async () =>
      (await git(bare, ['rev-parse', 'refs/heads/main'])).trim(),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Every file below `dir`, by '/'-separated relative path. */
export async function readFolder(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, {
    recursive: true,
    withFileTypes: true,
  })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, full).split(path.sep).join('/')] = await readFile(
      full,
      'utf8',
    );
  }
  return files;
}

/** The example GitOps repository the demo starts from. */
export const EXAMPLE_GITOPS_REPO = path.resolve(
  __dirname,
  '../../../../examples/gitops-repo',
);
