import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { GitCredentials } from './GitCredentials';

function decode(header?: string) {
  return header && Buffer.from(header.split(' ')[1], 'base64').toString();
}

function credentialsFor(integrations: object, providers: object = {}) {
  const registry = ScmIntegrations.fromConfig(
    new ConfigReader({ integrations }),
  );
  const github = { getCredentials: jest.fn(async () => ({ type: 'app' })) };
  const gitlab = { getCredentials: jest.fn(async () => ({})) };
  const azure = { getCredentials: jest.fn(async () => undefined) };
  return new GitCredentials(registry, {
    github,
    gitlab,
    azure,
    ...providers,
  } as any);
}

describe('GitCredentials', () => {
  it("uses the GitHub provider's token, e.g. a GitHub App installation token", async () => {
    const github = {
      getCredentials: jest.fn(async () => ({
        type: 'app',
        token: 'ghs_app_installation',
        headers: {},
      })),
    };
    const credentials = credentialsFor(
      { github: [{ host: 'github.com' }] },
      { github },
    );
    const header = await credentials.authorizationFor(
      new URL('https://github.com/acme/gitops.git'),
    );
    expect(decode(header)).toBe('x-access-token:ghs_app_installation');
    expect(github.getCredentials).toHaveBeenCalledWith({
      url: 'https://github.com/acme/gitops.git',
    });
  });

  it('gives no header for a host without an integration, or over http', async () => {
    const github = {
      getCredentials: jest.fn(async () => ({ type: 'token', token: 't' })),
    };
    const credentials = credentialsFor(
      { github: [{ host: 'github.com', token: 't' }] },
      { github },
    );
    expect(
      await credentials.authorizationFor(new URL('https://evil.example/r.git')),
    ).toBeUndefined();
    expect(
      await credentials.authorizationFor(new URL('http://github.com/a/r.git')),
    ).toBeUndefined();
    expect(github.getCredentials).not.toHaveBeenCalled();
  });

  it('uses the GitLab provider with the oauth2 user', async () => {
    const gitlab = {
      getCredentials: jest.fn(async () => ({ token: 'glpat-x' })),
    };
    const credentials = credentialsFor(
      {
        gitlab: [
          {
            host: 'gitlab.example.com',
            token: 'ignored',
            apiBaseUrl: 'https://gitlab.example.com/api/v4',
          },
        ],
      },
      { gitlab },
    );
    expect(
      decode(
        await credentials.authorizationFor(
          new URL('https://gitlab.example.com/g/r.git'),
        ),
      ),
    ).toBe('oauth2:glpat-x');
  });

  it("passes Azure DevOps' own header on", async () => {
    const azure = {
      getCredentials: jest.fn(async () => ({
        type: 'bearer',
        token: 'aad',
        headers: { Authorization: 'Bearer aad' },
      })),
    };
    const credentials = credentialsFor(
      { azure: [{ host: 'dev.azure.com' }] },
      { azure },
    );
    expect(
      await credentials.authorizationFor(
        new URL('https://dev.azure.com/org/project/_git/gitops'),
      ),
    ).toBe('Bearer aad');
  });

  it('reads Bitbucket, Gitea and Gerrit credentials from their config', async () => {
    const credentials = credentialsFor({
      bitbucketCloud: [{ token: 'bb-token' }],
      bitbucketServer: [{ host: 'bitbucket.example.com', token: 'bbs' }],
      gitea: [{ host: 'gitea.example.com', username: 'u', password: 'p' }],
      gerrit: [
        {
          host: 'gerrit.example.com',
          gitilesBaseUrl: 'https://gerrit.example.com/plugins/gitiles',
          username: 'g',
          password: 'q',
        },
      ],
    });
    const header = (url: string) => credentials.authorizationFor(new URL(url));
    expect(decode(await header('https://bitbucket.org/w/r.git'))).toBe(
      'x-token-auth:bb-token',
    );
    expect(await header('https://bitbucket.example.com/scm/p/r.git')).toBe(
      'Bearer bbs',
    );
    expect(decode(await header('https://gitea.example.com/o/r.git'))).toBe(
      'u:p',
    );
    expect(decode(await header('https://gerrit.example.com/a/r'))).toBe('g:q');
  });
});
