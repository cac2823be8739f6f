import {
  GitRepository,
  runGit,
  runGitForBytes,
} from '@carvel-gitops/plugin-carvel-node';
import fs from 'node:fs/promises';
import path from 'node:path';

/** A blob of the branch head as `git ls-tree -l` lists it. */
export interface TreeFile {
  path: string;
  oid: string;
  size: number;
}

export interface BareRepositoryMirrorOptions {
  directory: string;
  branch: string;
  /** Commits of history kept: enough for the ancestry and commit times of recent deployments. */
  depth: number;
  /** Local time limit of commands that only read the mirror. */
  localTimeoutMs: number;
}

const COMMIT_ID = /^[0-9a-f]{4,64}$/;

/** One repository's branch, mirrored into a bare repository on disk with git's hygiene rules. */
export class BareRepositoryMirror {
  /** The mirrored commits, newest first, as the last fetch left them: answers without a git process. */
  private history = new Map<string, MirroredCommit>();

  constructor(private readonly options: BareRepositoryMirrorOptions) {}

  get directory(): string {
    return this.options.directory;
  }

  /** Fetches the branch (shallow, no tags) from `repository`; returns the head commit and its time. */
  async fetch(
    repository: GitRepository,
    signal?: AbortSignal,
  ): Promise<{ commit: string; committedAt: string }> {
    const initialised = await fs
      .access(path.join(this.options.directory, 'HEAD'))
      .then(
        () => true,
        () => false,
      );
    if (!initialised) {
      await fs.mkdir(this.options.directory, { recursive: true });
      await this.git(['init', '--quiet', '--bare']);
    }
    const ref = `refs/heads/${this.options.branch}`;
    await runGit(
      [
        'fetch',
        '--quiet',
        '--no-tags',
        '--no-write-fetch-head',
        `--depth=${this.options.depth}`,
        '--',
        repository.cloneUrl,
        `+${ref}:${ref}`,
      ],
      { ...repository.gitOptions, cwd: this.options.directory, signal },
    );
    this.history = parseHistory(
      await this.git([
        'log',
        `--max-count=${this.options.depth}`,
        '--format=%H %cI %P',
        ref,
        '--',
      ]),
      await this.shallowCommits(),
    );
    const [commit] = this.history.keys();
    return { commit, committedAt: this.history.get(commit)!.committedAt };
  }

  /** The branch head the remote advertises, without fetching. */
  async remoteHead(
    repository: GitRepository,
    signal?: AbortSignal,
  ): Promise<string | undefined> {
    await fs.mkdir(this.options.directory, { recursive: true });
    const output = await runGit(
      [
        'ls-remote',
        '--',
        repository.cloneUrl,
        `refs/heads/${this.options.branch}`,
      ],
      { ...repository.gitOptions, cwd: this.options.directory, signal },
    );
    return output.split('\t')[0].trim() || undefined;
  }

  /** Bytes the mirror's objects take on disk. */
  async sizeOnDisk(): Promise<number> {
    const output = await this.git(['count-objects', '-v']);
    const kib = (key: string) =>
      Number(new RegExp(`^${key}: (\\d+)$`, 'm').exec(output)?.[1] ?? 0);
    return (kib('size') + kib('size-pack')) * 1024;
  }

  async files(commit: string): Promise<TreeFile[]> {
    const output = await this.git([
      'ls-tree',
      '-r',
      '-l',
      '-z',
      '--full-tree',
      checkedCommit(commit),
    ]);
    const files: TreeFile[] = [];
    for (const entry of output.split('\0')) {
      const tab = entry.indexOf('\t');
      const [, type, oid, size] = entry.slice(0, tab).split(/ +/);
      if (type === 'blob') {
        files.push({ path: entry.slice(tab + 1), oid, size: Number(size) });
      }
    }
    return files;
  }

  async readBlob(oid: string): Promise<string> {
    return this.git(['cat-file', 'blob', checkedCommit(oid)]);
  }

  /**
   * Reads several blobs with one git process (`cat-file --batch`); a blob that is missing or not a
   * blob is left out. The caller bounds the total size (ls-tree gives each blob's).
   */
  async readBlobs(oids: string[]): Promise<Map<string, string>> {
    const blobs = new Map<string, string>();
    if (oids.length === 0) return blobs;
    const output = await runGitForBytes(['cat-file', '--batch'], {
      cwd: this.options.directory,
      timeoutMs: this.options.localTimeoutMs,
      input: `${oids.map(checkedCommit).join('\n')}\n`,
    });
    let position = 0;
    while (position < output.length) {
      const lineEnd = output.indexOf(0x0a, position);
      if (lineEnd < 0) break;
      const [oid, type, sizeText] = output
        .subarray(position, lineEnd)
        .toString('latin1')
        .split(' ');
      position = lineEnd + 1;
      if (type === 'missing' || sizeText === undefined) continue;
      const size = Number(sizeText);
      if (!Number.isSafeInteger(size) || position + size > output.length) {
        throw new Error('git cat-file --batch gave a malformed answer');
      }
      if (type === 'blob') {
        blobs.set(oid, output.subarray(position, position + size).toString());
      }
      position += size + 1;
    }
    return blobs;
  }

  /** ISO-8601 committer time, or undefined when the mirror does not have the commit. */
  async commitTime(sha: string): Promise<string | undefined> {
    const known = this.history.get(sha)?.committedAt;
    if (known) return known;
    if (!(await this.hasCommit(sha))) return undefined;
    const output = await this.git(['show', '-s', '--format=%cI', sha, '--']);
    const time = new Date(output.trim());
    return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
  }

  async isAncestor(
    ancestor: string,
    descendant: string,
  ): Promise<boolean | undefined> {
    const inHistory = ancestryIn(this.history, ancestor, descendant);
    if (inHistory !== undefined) return inHistory;
    const known = await Promise.all([
      this.hasCommit(ancestor),
      this.hasCommit(descendant),
    ]);
    if (!known.every(Boolean)) return undefined;
    return this.git(['merge-base', '--is-ancestor', ancestor, descendant]).then(
      () => true,
      () => false,
    );
  }

  async remove(): Promise<void> {
    await fs.rm(this.options.directory, { recursive: true, force: true });
  }

  /** The commits whose parents the shallow fetch left out. */
  private async shallowCommits(): Promise<Set<string>> {
    const text = await fs
      .readFile(path.join(this.options.directory, 'shallow'), 'utf8')
      .catch(() => '');
    return new Set(text.split('\n').filter(line => COMMIT_ID.test(line)));
  }

  private async hasCommit(sha: string): Promise<boolean> {
    if (!COMMIT_ID.test(sha)) return false;
    return this.git(['cat-file', '-e', `${sha}^{commit}`]).then(
      () => true,
      () => false,
    );
  }

  private git(args: string[]): Promise<string> {
    return runGit(args, {
      cwd: this.options.directory,
      timeoutMs: this.options.localTimeoutMs,
    });
  }
}

interface MirroredCommit {
  committedAt: string;
  /** Undefined at the shallow boundary: the parents exist but were not fetched. */
  parents?: string[];
}

/** `git log --format='%H %cI %P'` lines, newest first. */
function parseHistory(
  output: string,
  shallow: Set<string>,
): Map<string, MirroredCommit> {
  const history = new Map<string, MirroredCommit>();
  for (const line of output.split('\n')) {
    const [sha, time, ...parents] = line.trim().split(' ');
    const committedAt = new Date(time ?? '');
    if (!COMMIT_ID.test(sha ?? '') || Number.isNaN(committedAt.getTime())) {
      continue;
    }
    history.set(sha, {
      committedAt: committedAt.toISOString(),
      parents: shallow.has(sha)
        ? undefined
        : parents.filter(p => COMMIT_ID.test(p)),
    });
  }
  if (history.size === 0) throw new Error('git log listed no commit');
  return history;
}

/**
 * Whether `ancestor` is `descendant` or reachable from it within the mirrored commits; undefined
 * when that cannot be told without leaving them (a commit outside, or the shallow boundary reached).
 */
function ancestryIn(
  history: Map<string, MirroredCommit>,
  ancestor: string,
  descendant: string,
): boolean | undefined {
  if (!history.has(ancestor) || !history.has(descendant)) return undefined;
  const seen = new Set<string>([descendant]);
  const pending = [descendant];
  let complete = true;
  while (pending.length > 0) {
    const sha = pending.pop()!;
    if (sha === ancestor) return true;
    const parents = history.get(sha)?.parents;
    if (!parents) {
      complete = false;
      continue;
    }
    for (const parent of parents) {
      if (!seen.has(parent)) {
        seen.add(parent);
        pending.push(parent);
      }
    }
  }
  return complete ? false : undefined;
}

function checkedCommit(sha: string): string {
  if (!COMMIT_ID.test(sha)) throw new Error(`'${sha}' is not a git object id`);
  return sha;
}
