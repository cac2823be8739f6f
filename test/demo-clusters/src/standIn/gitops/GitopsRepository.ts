import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { FetchedCommit } from './vendirSync';

const execFileAsync = promisify(execFile);

const MANIFEST_FILE = /\.ya?ml$/;

/** Reads one branch of a (bare) GitOps repository with the git CLI, as a kapp-controller git fetch would. */
export class GitopsRepository {
  constructor(readonly gitDir: string, readonly branch = 'main') {}

  private async git(args: string[]): Promise<string> {
    const { stdout } = await execFileAsync(
      'git',
      ['--git-dir', this.gitDir, ...args],
      { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, LC_ALL: 'C' } },
    );
    return stdout;
  }

  /** The branch's commit, or undefined while the repository or branch doesn't exist. */
  async headCommit(): Promise<string | undefined> {
    try {
      const commit = await this.git([
        'rev-parse',
        '--verify',
        '--quiet',
        `refs/heads/${this.branch}^{commit}`,
      ]);
      return commit.trim() || undefined;
    } catch {
      return undefined;
    }
  }

  /** The commit's message and tags as vendir's git fetcher reads them (vendir pkg/vendir/fetch/git/git.go:62-79 at 58ff583). */
  async fetchedCommit(sha: string): Promise<FetchedCommit> {
    const message = await this.git(['log', '-n', '1', '--pretty=%B', sha]);
    let tags: string[] | undefined;
    try {
      tags = (await this.git(['describe', '--tags', sha])).trim().split('\n');
    } catch {
      tags = undefined;
    }
    return { sha, message: message.trim(), ...(tags ? { tags } : {}) };
  }

  /** The YAML files of a commit by path. */
  async manifestFilesAt(commit: string): Promise<Map<string, string>> {
    const paths = (
      await this.git(['ls-tree', '-r', '--name-only', '-z', commit])
    )
      .split('\0')
      .filter(path => MANIFEST_FILE.test(path));
    const contents = await Promise.all(
      paths.map(path => this.git(['show', `${commit}:${path}`])),
    );
    return new Map(paths.map((path, i) => [path, contents[i]]));
  }
}
