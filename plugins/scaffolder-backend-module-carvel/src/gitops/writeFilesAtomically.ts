import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { dirname } from 'node:path';

export interface GeneratedFile {
  /** Workspace-relative path with '/' separators. */
  path: string;
  content: string;
}

interface StagedFile {
  target: string;
  temporary: string;
  /** Where the target's previous file waits while the new one is moved in. */
  previous?: string;
  renamed: boolean;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return !(await fs.lstat(path)).isDirectory();
  } catch {
    return false;
  }
}

function removeTemporaries(staged: StagedFile[]) {
  return Promise.all(
    staged.map(file => fs.rm(file.temporary, { force: true }).catch(() => {})),
  );
}

/** Puts every target back as it was; a previous file that cannot be restored stays under its temporary name rather than being lost. */
async function rollBack(staged: StagedFile[], createdFolders: string[]) {
  for (const file of [...staged].reverse()) {
    try {
      if (file.previous) await fs.rename(file.previous, file.target);
      else if (file.renamed) await fs.rm(file.target, { force: true });
    } catch {
      // Keep restoring the others.
    }
  }
  await removeTemporaries(staged);
  for (const folder of [...createdFolders].reverse()) {
    await fs.rm(folder, { recursive: true, force: true }).catch(() => {});
  }
}

/**
 * Writes every file or none: all contents go to temporary siblings first, then
 * each is renamed into place; if any step fails, the files already moved are
 * restored (or removed when new) and no temporary file stays behind.
 */
export async function writeFilesAtomically(
  workspacePath: string,
  files: GeneratedFile[],
): Promise<void> {
  const suffix = `.tmp-${randomBytes(6).toString('hex')}`;
  const staged: StagedFile[] = [];
  const createdFolders: string[] = [];
  const targets = files.map(file =>
    resolveSafeChildPath(workspacePath, file.path),
  );
  if (new Set(targets).size !== targets.length) {
    throw new Error('Cannot write the same file twice in one step');
  }
  try {
    for (const [i, file] of files.entries()) {
      const target = targets[i];
      const created = await fs.mkdir(dirname(target), { recursive: true });
      if (created) createdFolders.push(created);
      const entry: StagedFile = {
        target,
        temporary: `${target}${suffix}`,
        renamed: false,
      };
      staged.push(entry);
      await fs.writeFile(entry.temporary, file.content, 'utf8');
    }
    for (const file of staged) {
      if (await isFile(file.target)) {
        const previous = `${file.target}${suffix}.previous`;
        await fs.rename(file.target, previous);
        file.previous = previous;
      }
      await fs.rename(file.temporary, file.target);
      file.renamed = true;
    }
  } catch (error) {
    await rollBack(staged, createdFolders);
    throw error;
  }
  await Promise.all(
    staged.map(file =>
      file.previous
        ? fs.rm(file.previous, { force: true }).catch(() => {})
        : undefined,
    ),
  );
}
