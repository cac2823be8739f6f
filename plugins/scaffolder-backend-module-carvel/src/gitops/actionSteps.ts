import type { LoggerService } from '@backstage/backend-plugin-api';
import { checkPackageRefName } from '@carvel-gitops/plugin-carvel-common';
import { InputProblems } from './InputProblems';
import { checkRelativeFolder } from './layout';
import { GeneratedFile, writeFilesAtomically } from './writeFilesAtomically';

/** Checks `packageName` and `path` (default: the package name) shared by the carvel:gitops actions. */
export function checkPackageFolder(
  input: { packageName: string; path?: string },
  problems: InputProblems,
): string {
  problems.add(checkPackageRefName(input.packageName));
  const path = input.path ?? input.packageName;
  problems.add(checkRelativeFolder(path, 'path'));
  return path;
}

/** Writes the generated files (all or none), logs each, and returns their paths for the `files` output. */
export async function writeGeneratedFiles(
  ctx: { workspacePath: string; logger: LoggerService },
  files: Array<GeneratedFile & { note?: string }>,
): Promise<string[]> {
  await writeFilesAtomically(ctx.workspacePath, files);
  for (const file of files) {
    ctx.logger.info(`Wrote ${file.path}${file.note ? ` (${file.note})` : ''}`);
  }
  return files.map(f => f.path);
}
