import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { ScmIntegration, ScmIntegrations } from '@backstage/integration';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface GitRepository {
  /** What git clones from: an https URL or an absolute local path. */
  cloneUrl: string;
  /** Safe to log: no credentials. */
  displayName: string;
  authorization?: string;
}

const TOKEN_USERNAMES: Record<string, string> = {
  github: 'x-access-token',
  gitlab: 'oauth2',
  bitbucketCloud: 'x-token-auth',
};

/**
 * Turns the `repoUrl` of a template into something git can use: remote https repositories
 * with the token of the matching integration, local repositories only when configured.
 */
export class GitRepositories {
  static fromConfig(
    config: Config,
    workingDirectory = process.cwd(),
  ): GitRepositories {
    const local = (
      config.getOptionalStringArray('carvel.gitops.localRepositories') ?? []
    ).map(p => path.resolve(workingDirectory, p));
    return new GitRepositories(ScmIntegrations.fromConfig(config), local);
  }

  constructor(
    private readonly integrations: ScmIntegrations,
    private readonly localRepositories: string[],
  ) {}

  resolve(repoUrl: unknown): GitRepository {
    if (
      typeof repoUrl !== 'string' ||
      repoUrl.trim() === '' ||
      /\s/.test(repoUrl)
    ) {
      throw new InputError(
        'repoUrl must be an https URL of a git repository or a configured local path',
      );
    }
    if (/^https?:\/\//.test(repoUrl)) return this.resolveRemote(repoUrl);
    const localPath = repoUrl.startsWith('file://')
      ? fileURLToPath(repoUrl)
      : repoUrl;
    return this.resolveLocal(localPath, repoUrl);
  }

  private resolveRemote(repoUrl: string): GitRepository {
    const url = new URL(repoUrl);
    if (url.username || url.password) {
      throw new InputError(
        'repoUrl must not contain credentials; configure them under integrations',
      );
    }
    // Every integration type with a personal access token keeps it in config.token.
    const integration = this.integrations.byUrl(url) as
      | (ScmIntegration & { config?: { token?: string } })
      | undefined;
    const token = integration?.config?.token;
    const username =
      (integration && TOKEN_USERNAMES[integration.type]) ?? 'git';
    return {
      cloneUrl: url.toString(),
      displayName: url.toString(),
      authorization: token
        ? `Basic ${Buffer.from(`${username}:${token}`).toString('base64')}`
        : undefined,
    };
  }

  private resolveLocal(localPath: string, repoUrl: string): GitRepository {
    const absolute = path.resolve(localPath);
    const allowed = this.localRepositories.find(
      candidate =>
        fs.existsSync(candidate) &&
        fs.realpathSync(candidate) === realpathOrSelf(absolute),
    );
    if (!allowed) {
      throw new InputError(
        `repoUrl '${repoUrl}' is neither an https URL nor one of the local repositories in carvel.gitops.localRepositories`,
      );
    }
    return { cloneUrl: allowed, displayName: repoUrl };
  }
}

function realpathOrSelf(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}
