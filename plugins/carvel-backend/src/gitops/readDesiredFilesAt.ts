import {
  DesiredGitopsApp,
  DesiredPackageInstall,
  DesiredStateProblem,
} from '@carvel-gitops/plugin-carvel-common';
import {
  DEFAULT_YAML_LIMITS,
  gitopsFileOf,
  readGitopsAppFile,
  readPackageInstallFile,
  YamlLimits,
} from '@carvel-gitops/plugin-carvel-node';
import { TreeFile } from './BareRepositoryMirror';

export interface DesiredFilesLimits {
  /** Layout files read per repository; the rest are one problem. */
  maxFiles: number;
  yaml: YamlLimits;
}

export const DEFAULT_DESIRED_FILES_LIMITS: DesiredFilesLimits = {
  maxFiles: 2000,
  yaml: DEFAULT_YAML_LIMITS,
};

export interface DesiredFiles {
  packageInstalls: DesiredPackageInstall[];
  apps: DesiredGitopsApp[];
  problems: DesiredStateProblem[];
}

export interface DesiredFilesSource {
  repository: string;
  commit: string;
  committedAt: string;
  files: TreeFile[];
  readBlob(oid: string): Promise<string>;
}

/** Reads the PackageInstall and App files of one commit; every file that cannot be read is a problem of its own. */
export async function readDesiredFilesAt(
  source: DesiredFilesSource,
  limits: DesiredFilesLimits = DEFAULT_DESIRED_FILES_LIMITS,
): Promise<DesiredFiles> {
  const { repository, commit, committedAt } = source;
  const result: DesiredFiles = { packageInstalls: [], apps: [], problems: [] };
  const layoutFiles = source.files
    .map(file => ({ file, layout: gitopsFileOf(file.path) }))
    .filter(f => f.layout !== undefined)
    .sort((a, b) => a.file.path.localeCompare(b.file.path));
  if (layoutFiles.length > limits.maxFiles) {
    result.problems.push({
      repository,
      message: `has ${layoutFiles.length} PackageInstall and App files; only the first ${limits.maxFiles} are read`,
    });
  }
  for (const { file, layout } of layoutFiles.slice(0, limits.maxFiles)) {
    const problem = (message: string) =>
      result.problems.push({ repository, file: file.path, message });
    if (file.size > limits.yaml.maxBytes) {
      problem(
        `is ${file.size} bytes, more than the ${limits.yaml.maxBytes} read`,
      );
      continue;
    }
    let text: string;
    try {
      text = await source.readBlob(file.oid);
    } catch {
      problem('could not be read from the repository mirror');
      continue;
    }
    if (layout!.kind === 'packageInstall') {
      const read = readPackageInstallFile(
        text,
        layout!,
        { repository, commit, committedAt },
        limits.yaml,
      );
      result.packageInstalls.push(...read.items);
      read.problems.forEach(problem);
    } else {
      const read = readGitopsAppFile(
        text,
        layout!,
        { repository, commit },
        limits.yaml,
      );
      result.apps.push(...read.items);
      read.problems.forEach(problem);
    }
  }
  return result;
}
