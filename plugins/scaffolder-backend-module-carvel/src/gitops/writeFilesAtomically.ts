import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { dirname } from 'node:path';

export interface GeneratedFile {
  /** Workspace-relative path with '/' separators. */
  path: string;
  content: string;
}

/**
 * Writes every file or none: all contents go to temporary siblings first and
 * are renamed into place only when every write succeeded.
 */
export async function writeFilesAtomically(
  workspacePath: string,
  files: GeneratedFile[],
): Promise<void> {
  const suffix = `.tmp-${randomBytes(6).toString('hex')}`;
  const staged: Array<{ temporary: string; target: string }> = [];
  try {
    for (const file of files) {
      const target = resolveSafeChildPath(workspacePath, file.path);
      const temporary = `${target}${suffix}`;
      await fs.mkdir(dirname(target), { recursive: true });
      await fs.writeFile(temporary, file.content, 'utf8');
      staged.push({ temporary, target });
    }
  } catch (error) {
    await Promise.all(staged.map(s => fs.rm(s.temporary, { force: true })));
    throw error;
  }
  for (const { temporary, target } of staged) {
    await fs.rename(temporary, target);
  }
}
