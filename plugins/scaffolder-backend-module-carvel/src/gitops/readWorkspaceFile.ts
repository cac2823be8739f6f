import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import fs from 'node:fs/promises';

/** GitOps files are small; a larger one is reported, not read. */
export const MAX_GITOPS_FILE_BYTES = 256 * 1024;

export type WorkspaceFile =
  | { found: true; text: string }
  | { found: false }
  | { problem: string };

/** Reads a workspace-relative file, refusing one that leads outside the workspace, is not a file or is too big. */
export async function readWorkspaceFile(
  workspacePath: string,
  file: string,
  maxBytes = MAX_GITOPS_FILE_BYTES,
): Promise<WorkspaceFile> {
  let fullPath: string;
  try {
    fullPath = resolveSafeChildPath(workspacePath, file);
  } catch {
    return { problem: `${file} leads outside the workspace` };
  }
  const stat = await fs.stat(fullPath).catch(() => undefined);
  if (!stat) return { found: false };
  if (!stat.isFile()) return { problem: `${file} is not a file` };
  if (stat.size > maxBytes) {
    return {
      problem: `${file} is ${stat.size} bytes; a PackageInstall file is far smaller (at most ${maxBytes} bytes are read)`,
    };
  }
  const handle = await fs.open(fullPath, 'r');
  try {
    const buffer = Buffer.alloc(maxBytes + 1);
    const { bytesRead } = await handle.read(buffer, 0, maxBytes + 1, 0);
    if (bytesRead > maxBytes) {
      return { problem: `${file} grew past ${maxBytes} bytes while read` };
    }
    return {
      found: true,
      text: buffer.subarray(0, bytesRead).toString('utf8'),
    };
  } finally {
    await handle.close();
  }
}
