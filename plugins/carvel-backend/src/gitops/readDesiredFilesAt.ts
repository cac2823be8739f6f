import {
  DesiredGitopsApp,
  DesiredPackageInstall,
  DesiredPackageVersion,
  DesiredStateProblem,
} from '@carvel-gitops/plugin-carvel-common';
import {
  DEFAULT_VALUES_SCHEMA_LIMITS,
  DEFAULT_YAML_LIMITS,
  DesiredFileResult,
  gitopsFileOf,
  GitopsFile,
  readGitopsAppFile,
  readPackageFile,
  readPackageInstallFile,
  ValuesSchemaLimits,
  YamlLimits,
} from '@carvel-gitops/plugin-carvel-node';
import { TreeFile } from './BareRepositoryMirror';

export interface DesiredFilesLimits {
  /** Layout files read per repository; the rest are one problem. */
  maxFiles: number;
  yaml: YamlLimits;
  /** Bounds of a Package's values schema kept in memory; the defaults when absent. */
  valuesSchema?: ValuesSchemaLimits;
}

export const DEFAULT_DESIRED_FILES_LIMITS: DesiredFilesLimits = {
  maxFiles: 2000,
  yaml: DEFAULT_YAML_LIMITS,
};

export interface DesiredFiles {
  packageInstalls: DesiredPackageInstall[];
  apps: DesiredGitopsApp[];
  packages: DesiredPackageVersion[];
  problems: DesiredStateProblem[];
}

export interface DesiredFilesSource {
  repository: string;
  commit: string;
  committedAt: string;
  files: TreeFile[];
  readBlob(oid: string): Promise<string>;
}

/** Reads the PackageInstall, App and Package files of one commit; every file that cannot be read is a problem of its own. */
export async function readDesiredFilesAt(
  source: DesiredFilesSource,
  limits: DesiredFilesLimits = DEFAULT_DESIRED_FILES_LIMITS,
): Promise<DesiredFiles> {
  const { repository } = source;
  const result: DesiredFiles = {
    packageInstalls: [],
    apps: [],
    packages: [],
    problems: [],
  };
  const layoutFiles = source.files
    .map(file => ({ file, layout: gitopsFileOf(file.path) }))
    .filter(f => f.layout !== undefined)
    .sort((a, b) => a.file.path.localeCompare(b.file.path));
  if (layoutFiles.length > limits.maxFiles) {
    result.problems.push({
      repository,
      message: `has ${layoutFiles.length} PackageInstall, App and Package files; only the first ${limits.maxFiles} are read`,
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
    const read = readLayoutFile(text, layout!, source, limits);
    if (read.kind === 'packageInstall')
      result.packageInstalls.push(...read.items);
    else if (read.kind === 'app') result.apps.push(...read.items);
    else result.packages.push(...read.items);
    read.problems.forEach(problem);
  }
  return result;
}

type LayoutRead =
  | ({ kind: 'packageInstall' } & DesiredFileResult<DesiredPackageInstall>)
  | ({ kind: 'app' } & DesiredFileResult<DesiredGitopsApp>)
  | ({ kind: 'package' } & DesiredFileResult<DesiredPackageVersion>);

function readLayoutFile(
  text: string,
  layout: GitopsFile,
  { repository, commit, committedAt }: DesiredFilesSource,
  limits: DesiredFilesLimits,
): LayoutRead {
  switch (layout.kind) {
    case 'packageInstall':
      return {
        kind: layout.kind,
        ...readPackageInstallFile(
          text,
          layout,
          { repository, commit, committedAt },
          limits.yaml,
        ),
      };
    case 'app':
      return {
        kind: layout.kind,
        ...readGitopsAppFile(text, layout, { repository, commit }, limits.yaml),
      };
    default:
      return {
        kind: layout.kind,
        ...readPackageFile(
          text,
          layout,
          { repository, commit },
          limits.yaml,
          limits.valuesSchema ?? DEFAULT_VALUES_SCHEMA_LIMITS,
        ),
      };
  }
}
