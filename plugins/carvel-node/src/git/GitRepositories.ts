import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GitCommandOptions } from './git';
import { GitCredentials } from './GitCredentials';

export interface GitRepository {
  /** What git clones from: an https URL or an absolute local path. */
  cloneUrl: string;
  /** Safe to log: no credentials. */
  displayName: string;
  /** How git talks to it: transports, credentials scoped to its origin, time limit. */
  gitOptions: Omit<GitCommandOptions, 'cwd' | 'signal' | 'input' | 'env'>;
}

export interface GitRepositoriesOptions {
  credentials: GitCredentials;
  localRepositories: string[];
  /** Time limit of one git command that talks to a remote. */
  timeoutMs?: number;
  /** CA bundle for https remotes signed by an internal CA. */
  caFile?: string;
}

const DEFAULT_TIMEOUT_SECONDS = 120;
const MAX_REPO_URL_LENGTH = 2048;

function refuse(message: string): never {
  throw new InputError(message);
}

/**
 * Turns the `repoUrl` of a template into something git can use: remote https repositories
 * with the credentials of the matching integration, local repositories only when configured.
 */
export class GitRepositories {
  static fromConfig(
    config: Config,
    workingDirectory = process.cwd(),
  ): GitRepositories {
    const gitops = config.getOptionalConfig('carvel.gitops');
    const caFile = gitops?.getOptionalString('certificateAuthorityFile');
    return new GitRepositories({
      credentials: GitCredentials.fromIntegrations(
        ScmIntegrations.fromConfig(config),
      ),
      localRepositories: (
        gitops?.getOptionalStringArray('localRepositories') ?? []
      ).map(p => path.resolve(workingDirectory, p)),
      timeoutMs:
        (gitops?.getOptionalNumber('timeoutSeconds') ??
          DEFAULT_TIMEOUT_SECONDS) * 1000,
      caFile: caFile ? path.resolve(workingDirectory, caFile) : undefined,
    });
  }

  constructor(private readonly options: GitRepositoriesOptions) {}

  async resolve(repoUrl: unknown): Promise<GitRepository> {
    if (
      typeof repoUrl !== 'string' ||
      repoUrl.trim() === '' ||
      repoUrl.length > MAX_REPO_URL_LENGTH ||
      /[\s\0]/.test(repoUrl)
    ) {
      refuse(
        'repoUrl must be an https URL of a git repository or a configured local path',
      );
    }
    if (/^http:\/\//i.test(repoUrl)) {
      refuse(
        `repoUrl '${redactUrl(
          repoUrl,
        )}' uses http: credentials are only sent over https, use an https URL`,
      );
    }
    if (/^https:\/\//i.test(repoUrl)) return this.resolveRemote(repoUrl);
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(repoUrl) && !/^file:/i.test(repoUrl)) {
      refuse(
        `repoUrl '${redactUrl(
          repoUrl,
        )}' must be an https URL or a configured local path`,
      );
    }
    return this.resolveLocal(repoUrl);
  }

  private async resolveRemote(repoUrl: string): Promise<GitRepository> {
    let url: URL;
    try {
      url = new URL(repoUrl);
    } catch {
      return refuse(`repoUrl '${redactUrl(repoUrl)}' is not a valid URL`);
    }
    if (url.username || url.password) {
      refuse(
        'repoUrl must not contain credentials; configure them under integrations',
      );
    }
    const authorization = await this.options.credentials.authorizationFor(url);
    return {
      cloneUrl: url.toString(),
      displayName: url.toString(),
      gitOptions: {
        protocols: ['https'],
        origin: url.origin,
        authorization,
        caFile: this.options.caFile,
        timeoutMs: this.options.timeoutMs,
      },
    };
  }

  private resolveLocal(repoUrl: string): GitRepository {
    let localPath: string;
    try {
      localPath = /^file:/i.test(repoUrl) ? fileURLToPath(repoUrl) : repoUrl;
    } catch {
      return refuse(`repoUrl '${redactUrl(repoUrl)}' is not a valid file URL`);
    }
    const absolute = path.resolve(localPath);
    const allowed = this.options.localRepositories.find(
      candidate =>
        fs.existsSync(candidate) &&
        fs.realpathSync(candidate) === realpathOrSelf(absolute),
    );
    if (!allowed) {
      refuse(
        `repoUrl '${redactUrl(
          repoUrl,
        )}' is neither an https URL nor one of the local repositories in carvel.gitops.localRepositories`,
      );
    }
    return {
      cloneUrl: allowed,
      displayName: repoUrl,
      gitOptions: { protocols: ['file'], timeoutMs: this.options.timeoutMs },
    };
  }
}

/** The URL without anything before `@` in its authority (or scp-like `user@host:`), for messages. */
function redactUrl(url: string): string {
  return url
    .replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1***@')
    .replace(/^[^/:@]+(:[^/@]*)?@/, '***@');
}

function realpathOrSelf(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}
