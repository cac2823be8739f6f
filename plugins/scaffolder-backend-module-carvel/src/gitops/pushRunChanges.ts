import type { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  GitCommandOptions,
  GitRepository,
  runGit,
} from '@carvel-gitops/plugin-carvel-node';
import {
  conflictingPaths,
  indexInfoOf,
  parseRawDiff,
  TreeChange,
} from './treeChanges';

export interface CommitAuthor {
  name: string;
  email: string;
}

export interface RunChangesPush {
  repository: GitRepository;
  branch: string;
  /** Absolute path of the workspace folder that holds the run's result. */
  source: string;
  /** The commit `source` was fetched at. Without it, files are added or updated, never deleted. */
  baseCommit?: string;
  author: CommitAuthor;
  message: string;
  dryRun: boolean;
  logger: LoggerService;
  signal?: AbortSignal;
  /** Pushes tried before giving up on a branch that keeps moving. */
  maxAttempts?: number;
  /** Waits before a retry; replaceable so tests need not wait. */
  delay?: (ms: number) => Promise<void>;
}

/** A type, not an interface, so the scaffolder's checkpoint can store it as JSON. */
export type RunChangesResult = {
  /** The commit the branch points to afterwards (in a dry run: the commit that would be pushed). */
  commit: string;
  /** Files the commit adds, changes or deletes. */
  changedFiles: string[];
};

const DEFAULT_MAX_ATTEMPTS = 10;
const MAX_RETRY_DELAY_MS = 2000;
const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

function isRejectedPush(error: unknown): boolean {
  return /\[rejected\]|failed to update ref|cannot lock ref|incorrect old value/.test(
    String((error as Error)?.message),
  );
}

/**
 * Commits what the run changed in `source` relative to the commit it fetched on top of the
 * branch's current head, so commits pushed since then are kept. A file both sides changed is a
 * ConflictError naming it, and nothing is pushed; a push rejected because the branch moved is
 * re-applied on the new head, a few times.
 */
export async function pushRunChanges(
  request: RunChangesPush,
): Promise<RunChangesResult> {
  const gitDir = await fs.mkdtemp(
    path.join(os.tmpdir(), 'carvel-gitops-push-'),
  );
  const { repository, branch, baseCommit } = request;
  const url = repository.cloneUrl;
  const git = async (args: string[], extra: GitCommandOptions = {}) =>
    (
      await runGit([`--git-dir=${gitDir}`, ...args], {
        ...repository.gitOptions,
        cwd: gitDir,
        signal: request.signal,
        ...extra,
      })
    ).trim();
  const withIndex = (name: string) => ({
    env: { GIT_INDEX_FILE: path.join(gitDir, name) },
  });

  const fetchCommit = async (what: string) => {
    await git(['fetch', '--quiet', '--no-tags', '--depth=1', '--', url, what]);
    return git(['rev-parse', 'FETCH_HEAD^{commit}']);
  };
  /** The commit `ref` of the remote points to, or undefined when it has no such ref. */
  const fetchIfExists = async (ref: string) => {
    try {
      return await fetchCommit(ref);
    } catch (error) {
      if (/couldn't find remote ref/i.test(String((error as Error).message)))
        return undefined;
      throw error;
    }
  };
  const treeOf = async (commit?: string) =>
    commit ? git(['rev-parse', `${commit}^{tree}`]) : EMPTY_TREE;
  const diff = async (from: string, to: string) =>
    parseRawDiff(
      await git(['diff-tree', '-r', '-z', '--no-renames', from, to]),
    );
  /** The tree of `start` with the run's files laid over it. */
  const runTree = async (start: string | undefined, withRemovals: boolean) => {
    const index = withIndex('run-index');
    await git(['read-tree', ...(start ? [start] : ['--empty'])], index);
    // git reads the workspace with lstat: a symlink is committed as a symlink, never followed.
    await git(
      [
        `--work-tree=${request.source}`,
        'add',
        withRemovals ? '--all' : '--ignore-removal',
        '--',
        ':/',
      ],
      index,
    );
    return git(['write-tree'], index);
  };
  const applyTo = async (parent: string | undefined, changes: TreeChange[]) => {
    const index = withIndex('push-index');
    await git(['read-tree', ...(parent ? [parent] : ['--empty'])], index);
    await git(['update-index', '-z', '--index-info'], {
      ...index,
      input: indexInfoOf(changes),
    });
    return git(['write-tree'], index);
  };

  try {
    await runGit(['init', '--quiet', '--bare', gitDir]);
    if (baseCommit) await ensureBase(baseCommit);
    const ours = baseCommit
      ? await diff(baseCommit, await runTree(baseCommit, true))
      : undefined;
    let head = await fetchIfExists(`refs/heads/${branch}`);
    const maxAttempts = request.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    for (let attempt = 1; ; attempt++) {
      const parent = head ?? baseCommit ?? (await fetchIfExists('HEAD'));
      const parentTree = await treeOf(parent);
      let changes: TreeChange[];
      if (ours && baseCommit) {
        const theirs =
          parent === baseCommit ? [] : await diff(baseCommit, parentTree);
        const conflicts = conflictingPaths(ours, theirs);
        if (conflicts.length > 0) {
          throw new ConflictError(
            `${conflicts.length} file(s) changed both by this run and in ${
              repository.displayName
            } ${branch} since the template fetched ${baseCommit.slice(
              0,
              12,
            )}: ${conflicts.join(
              ', ',
            )}. Nothing was pushed; run the template again on the current state.`,
          );
        }
        changes = ours;
      } else {
        changes = await diff(parentTree, await runTree(parent, false));
      }
      const tree = await applyTo(parent, changes);
      if (tree === parentTree) {
        request.logger.info(
          `Nothing to commit: ${repository.displayName} ${branch} already has these files`,
        );
        return { commit: parent ?? '', changedFiles: [] };
      }
      const changedFiles = (await diff(parentTree, tree)).map(c => c.path);
      const commit = await git(
        [
          'commit-tree',
          tree,
          ...(parent ? ['-p', parent] : []),
          '-m',
          request.message,
        ],
        { env: identityOf(request.author) },
      );
      request.logger.info(
        `Changes for ${repository.displayName} ${branch}:\n${changedFiles
          .map(f => `  ${f}`)
          .join('\n')}`,
      );
      if (request.dryRun) {
        request.logger.info(
          `Dry run: would push ${commit.slice(0, 12)} to ${branch}`,
        );
        return { commit, changedFiles };
      }
      try {
        await git([
          'push',
          '--quiet',
          '--',
          url,
          `${commit}:refs/heads/${branch}`,
        ]);
        request.logger.info(
          `Pushed ${commit.slice(0, 12)} by ${request.author.name} to ${
            repository.displayName
          } ${branch}`,
        );
        return { commit, changedFiles };
      } catch (error) {
        if (!isRejectedPush(error)) throw error;
        if (attempt >= maxAttempts) {
          throw new ConflictError(
            `${repository.displayName} ${branch} kept moving: the push was rejected ${attempt} times; nothing was pushed`,
          );
        }
        request.logger.info(
          `${branch} moved while pushing; applying the changes again on its new head (attempt ${
            attempt + 1
          } of ${maxAttempts})`,
        );
        await (request.delay ?? sleep)(
          Math.random() * Math.min(MAX_RETRY_DELAY_MS, 50 * 2 ** attempt),
        );
        head = await fetchIfExists(`refs/heads/${branch}`);
      }
    }
  } finally {
    await fs.rm(gitDir, { recursive: true, force: true });
  }

  async function ensureBase(commit: string) {
    try {
      await fetchCommit(commit);
    } catch {
      throw new ConflictError(
        `The commit the template fetched (${commit.slice(
          0,
          12,
        )}) is no longer in ${
          repository.displayName
        }; nothing was pushed. Run the template again.`,
      );
    }
  }
}

function identityOf(author: CommitAuthor): Record<string, string> {
  return {
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_COMMITTER_NAME: author.name,
    GIT_COMMITTER_EMAIL: author.email,
  };
}
