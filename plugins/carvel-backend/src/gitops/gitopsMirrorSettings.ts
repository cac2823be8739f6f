import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import {
  DEFAULT_DESIRED_FILES_LIMITS,
  DesiredFilesLimits,
} from './readDesiredFilesAt';

/** A repository and branch the backend follows; `url` is an https URL or a local repository's absolute path. */
export interface FollowedRepository {
  url: string;
  branch: string;
}

export interface GitopsMirrorSettings {
  repositories: FollowedRepository[];
  refreshSeconds: number;
  /** How often the heads of local repositories are compared with the mirror (cheap, no fetch). */
  headPollSeconds: number;
  workingDirectory: string;
  /** Commits of each branch kept in the mirror. */
  depth: number;
  maxMirrorBytes: number;
  files: DesiredFilesLimits;
}

const DEFAULT_BRANCH = 'main';
const MIRROR = 'carvel.gitops.mirror';

function positive(
  config: Config | undefined,
  key: string,
  fallback: number,
  prefix = 'carvel.gitops',
): number {
  const value = config?.getOptionalNumber(key);
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new InputError(`${prefix}.${key} must be a positive number`);
  }
  return value;
}

/** `carvel.gitops`: the repositories to follow (remote and local) and the mirror's bounds. */
export function readGitopsMirrorSettings(
  config: Config,
  backendDirectory = process.cwd(),
): GitopsMirrorSettings {
  const gitops = config.getOptionalConfig('carvel.gitops');
  const remote = (gitops?.getOptionalConfigArray('repositories') ?? []).map(
    (entry): FollowedRepository => ({
      url: entry.getString('url'),
      branch: entry.getOptionalString('branch') ?? DEFAULT_BRANCH,
    }),
  );
  const local = (gitops?.getOptionalStringArray('localRepositories') ?? []).map(
    (p): FollowedRepository => ({
      url: path.resolve(backendDirectory, p),
      branch: DEFAULT_BRANCH,
    }),
  );
  const seen = new Set<string>();
  const repositories = [...remote, ...local].filter(r => {
    const key = `${r.url}\0${r.branch}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const mirror = gitops?.getOptionalConfig('mirror');
  const configuredDirectory = mirror?.getOptionalString('directory');
  return {
    repositories,
    refreshSeconds: positive(gitops, 'refreshSeconds', 60),
    headPollSeconds: positive(gitops, 'headPollSeconds', 2),
    workingDirectory: configuredDirectory
      ? path.resolve(backendDirectory, configuredDirectory)
      : path.join(
          os.tmpdir(),
          `carvel-gitops-mirror-${createHash('sha256')
            .update(backendDirectory)
            .digest('hex')
            .slice(0, 12)}`,
        ),
    depth: Math.floor(positive(mirror, 'depth', 500, MIRROR)),
    maxMirrorBytes: positive(mirror, 'maxMegabytes', 256, MIRROR) * 1024 * 1024,
    files: {
      ...DEFAULT_DESIRED_FILES_LIMITS,
      maxFiles: Math.floor(
        positive(
          mirror,
          'maxFiles',
          DEFAULT_DESIRED_FILES_LIMITS.maxFiles,
          MIRROR,
        ),
      ),
    },
  };
}

/** The mirror's folder for one repository and branch: a hash, so no URL part reaches the file system. */
export function mirrorDirectoryOf(
  settings: Pick<GitopsMirrorSettings, 'workingDirectory'>,
  repository: FollowedRepository,
): string {
  const id = createHash('sha256')
    .update(`${repository.url}\0${repository.branch}`)
    .digest('hex')
    .slice(0, 24);
  return path.join(settings.workingDirectory, `${id}.git`);
}
