/** The integration type (`github`, `gitlab`, …) Backstage's `integrations` config gives a url, if any. */
export type IntegrationTypeOf = (url: string) => string | undefined;

const COMMIT_SHA = /^[0-9a-f]{40}$|^[0-9a-f]{64}$/;

const COMMIT_PATHS: Record<string, (sha: string) => string> = {
  github: sha => `/commit/${sha}`,
  gitea: sha => `/commit/${sha}`,
  azure: sha => `/commit/${sha}`,
  gitlab: sha => `/-/commit/${sha}`,
  bitbucketCloud: sha => `/commits/${sha}`,
};

/**
 * The web page of a commit in a followed repository, for hosts whose integration type has a known
 * commit page; never for a url carrying credentials or not over https.
 */
export function commitWebUrl(
  repositoryUrl: string,
  sha: string,
  integrationTypeOf: IntegrationTypeOf,
): string | undefined {
  if (!COMMIT_SHA.test(sha)) return undefined;
  let url: URL;
  try {
    url = new URL(repositoryUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username || url.password) {
    return undefined;
  }
  const type = integrationTypeOf(url.toString());
  const commitPath = type ? COMMIT_PATHS[type] : undefined;
  if (!commitPath) return undefined;
  const repositoryPath = url.pathname.replace(/\/+$/, '').replace(/\.git$/, '');
  if (repositoryPath === '') return undefined;
  return `${url.origin}${repositoryPath}${commitPath(sha)}`;
}
