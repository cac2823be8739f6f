import {
  AzureDevOpsCredentialsProvider,
  BitbucketCloudIntegrationConfig,
  DefaultAzureDevOpsCredentialsProvider,
  DefaultGithubCredentialsProvider,
  DefaultGitlabCredentialsProvider,
  getBitbucketCloudOAuthToken,
  getBitbucketCloudRequestOptions,
  getBitbucketServerRequestOptions,
  getGerritRequestOptions,
  getGiteaRequestOptions,
  GithubCredentialsProvider,
  GitlabCredentialsProvider,
  ScmIntegrationRegistry,
} from '@backstage/integration';

/** Backstage's credential providers for the integration types that can mint tokens. */
export interface GitCredentialProviders {
  github: GithubCredentialsProvider;
  gitlab: GitlabCredentialsProvider;
  azure: AzureDevOpsCredentialsProvider;
}

function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

/**
 * The `Authorization` header git sends to a repository, from the matching `integrations` entry
 * through Backstage's own providers (so GitHub Apps and Azure service principals work too).
 */
export class GitCredentials {
  static fromIntegrations(integrations: ScmIntegrationRegistry) {
    return new GitCredentials(integrations, {
      github: DefaultGithubCredentialsProvider.fromIntegrations(integrations),
      gitlab: DefaultGitlabCredentialsProvider.fromIntegrations(integrations),
      azure:
        DefaultAzureDevOpsCredentialsProvider.fromIntegrations(integrations),
    });
  }

  constructor(
    private readonly integrations: ScmIntegrationRegistry,
    private readonly providers: GitCredentialProviders,
  ) {}

  /** `undefined` when no integration covers the URL's host, or it has no credentials. */
  async authorizationFor(url: URL): Promise<string | undefined> {
    if (url.protocol !== 'https:') return undefined;
    const integration = this.integrations.byUrl(url);
    if (!integration) return undefined;
    return this.authorizationOf(integration.type, url);
  }

  private async authorizationOf(
    type: string,
    repository: URL,
  ): Promise<string | undefined> {
    const url = repository.toString();
    const configOf = <T>(group: { byUrl(u: URL): { config: T } | undefined }) =>
      group.byUrl(repository)!.config;
    switch (type) {
      case 'github': {
        const { token } = await this.providers.github.getCredentials({ url });
        return token ? basic('x-access-token', token) : undefined;
      }
      case 'gitlab': {
        const { token } = await this.providers.gitlab.getCredentials({ url });
        return token ? basic('oauth2', token) : undefined;
      }
      case 'azure': {
        const credentials = await this.providers.azure.getCredentials({ url });
        return credentials?.headers.Authorization;
      }
      case 'bitbucketCloud':
        return bitbucketCloudAuthorization(
          configOf(this.integrations.bitbucketCloud),
        );
      case 'bitbucketServer':
        return getBitbucketServerRequestOptions(
          configOf(this.integrations.bitbucketServer),
        ).headers.Authorization;
      case 'gitea':
        return getGiteaRequestOptions(configOf(this.integrations.gitea)).headers
          ?.Authorization;
      case 'gerrit': {
        // getGerritRequestOptions returns bare `{}` when there is no password.
        const options: { headers?: Record<string, string> } =
          getGerritRequestOptions(configOf(this.integrations.gerrit));
        return options.headers?.Authorization;
      }
      default:
        return undefined;
    }
  }
}

async function bitbucketCloudAuthorization(
  config: BitbucketCloudIntegrationConfig,
): Promise<string | undefined> {
  // Bitbucket's git endpoint takes access tokens as the password of `x-token-auth`.
  if (config.token) return basic('x-token-auth', config.token);
  if (config.clientId && config.clientSecret) {
    const token = await getBitbucketCloudOAuthToken(
      config.clientId,
      config.clientSecret,
    );
    return basic('x-token-auth', token);
  }
  return (await getBitbucketCloudRequestOptions(config)).headers.Authorization;
}
