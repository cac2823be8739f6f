import fs from 'node:fs/promises';
import path from 'node:path';

/** What `carvel:gitops:fetch` copied into a workspace folder, so push can apply only the run's changes. */
export interface FetchedCommit {
  /** The repository as resolved (https URL or local path). */
  repository: string;
  commit: string;
}

/**
 * Kept in the workspace's `.git` folder: never committed by push, and skipped by the scaffolder's
 * dry-run output and the `publish:*` actions, which ignore `.git`.
 */
const RECORD_FILE = path.join('.git', 'carvel-gitops-fetch.json');
const MAX_RECORD_BYTES = 64 * 1024;
const COMMIT_ID = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

type FetchRecord = Record<string, FetchedCommit>;

async function readRecord(workspacePath: string): Promise<FetchRecord> {
  const file = path.join(workspacePath, RECORD_FILE);
  try {
    const [gitDir, stat] = await Promise.all([
      fs.lstat(path.dirname(file)),
      fs.lstat(file),
    ]);
    if (!gitDir.isDirectory() || !stat.isFile() || stat.size > MAX_RECORD_BYTES)
      return {};
    const parsed = JSON.parse(await fs.readFile(file, 'utf8'));
    return typeof parsed === 'object' &&
      parsed !== null &&
      !Array.isArray(parsed)
      ? parsed
      : {};
  } catch {
    return {};
  }
}

/** Remembers that `folder` of the workspace holds `fetched`. */
export async function recordFetch(
  workspacePath: string,
  folder: string,
  fetched: FetchedCommit,
): Promise<void> {
  const gitDir = path.join(workspacePath, '.git');
  const existing = await fs.lstat(gitDir).catch(() => undefined);
  if (existing && !existing.isDirectory()) return;
  await fs.mkdir(gitDir, { recursive: true });
  const record = await readRecord(workspacePath);
  record[folder] = fetched;
  await fs.writeFile(
    path.join(workspacePath, RECORD_FILE),
    `${JSON.stringify(record, null, 2)}\n`,
  );
}

/** The commit `folder` was fetched from, if it was fetched from `repository`. */
export async function fetchedCommitOf(
  workspacePath: string,
  folder: string,
  repository: string,
): Promise<string | undefined> {
  const record = await readRecord(workspacePath);
  const entry = Object.hasOwn(record, folder) ? record[folder] : undefined;
  if (
    !entry ||
    entry.repository !== repository ||
    typeof entry.commit !== 'string' ||
    !COMMIT_ID.test(entry.commit)
  ) {
    return undefined;
  }
  return entry.commit;
}

export function isCommitId(value: string): boolean {
  return COMMIT_ID.test(value);
}
