import { stringify } from 'yaml';
import type { StepResult } from '../reconcile/appStatus';

/** The commit a git fetch got, as vendir's git fetcher reads it (vendir pkg/vendir/fetch/git/git.go:50-82 at 58ff583). */
export interface FetchedCommit {
  sha: string;
  /** `git log -n 1 --pretty=%B <sha>`, trimmed. */
  message: string;
  /** `git describe --tags <sha>` split by line, when it succeeds. */
  tags?: string[];
}

/** What `vendir sync` gave kapp-controller: stdout is the lock config, the error ends the reconcile. */
export interface VendirSyncResult extends StepResult {
  stdout?: string;
  exitCode: number;
}

/** singleLineCommitTitle, vendir pkg/vendir/fetch/git/sync.go:73-79 at 58ff583. */
export function vendirCommitTitle(message: string): string {
  const [first, ...rest] = message.trim().split('\n');
  return rest.length > 0 ? `${first}...` : first;
}

type FetchSource = Record<string, unknown>;

const isRecord = (value: unknown): value is FetchSource =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function lockContents(
  source: FetchSource,
  commit: FetchedCommit,
): Record<string, unknown> | undefined {
  // Contents path is always "." (kapp-controller pkg/fetch/vendir.go:33, 170-172 at e4b4822).
  if (isRecord(source.git)) {
    return {
      path: '.',
      git: {
        sha: commit.sha,
        commitTitle: vendirCommitTitle(commit.message),
        ...(commit.tags?.length ? { tags: commit.tags } : {}),
      },
    };
  }
  if (isRecord(source.inline)) return { path: '.', inline: {} };
  return undefined;
}

/**
 * What kapp-controller's fetch step gives for an App's `spec.fetch` when every git source is the
 * demo's repository at `commit`. Mirrors pkg/app/app_fetch.go:22-95 (one directory per fetch, named
 * by its index unless it has a path) and the LockConfig vendir prints on stdout without a TTY
 * (vendir pkg/vendir/cmd/sync.go:176-182; go-cli-ui NonTTYUI drops its PrintLinef lines, so stderr
 * stays empty); sigs.k8s.io/yaml writes sorted keys and unindented sequences.
 */
export function vendirSync(
  fetch: unknown,
  commit: FetchedCommit,
): VendirSyncResult {
  if (!Array.isArray(fetch) || fetch.length === 0) {
    // NewCmdRunResultWithErr: exit code -1 (kapp-controller pkg/exec/cmd_run_result.go:24-44).
    return { exitCode: -1, error: 'Expected at least one fetch option' };
  }
  const directories = [];
  for (const [index, source] of fetch.entries()) {
    const contents = isRecord(source)
      ? lockContents(source, commit)
      : undefined;
    const path =
      isRecord(source) && typeof source.path === 'string' && source.path
        ? source.path
        : String(index);
    if (!contents) {
      return {
        exitCode: 1,
        error:
          'Fetching resources: Error (see .status.usefulErrorMessage for details)',
        stderr: `vendir: Error: Syncing directory '${path}': the demo's kapp-controller stand-in fetches only git (the demo repository) and inline sources`,
      };
    }
    directories.push({ contents: [contents], path });
  }
  const lockConfig = {
    apiVersion: 'vendir.k14s.io/v1alpha1',
    directories,
    kind: 'LockConfig',
  };
  return {
    exitCode: 0,
    stdout: stringify(lockConfig, { sortMapEntries: true, indentSeq: false }),
  };
}
