/** The integration type (`github`, `gitlab`, …) Backstage's `integrations` config gives a url, if any. */
export type IntegrationTypeOf = (url: string) => string | undefined;

const COMMIT_SHA = /^[0-9a-f]{40}$|^[0-9a-f]{64}$/;

/** Web path of a commit from the repository's clone path (no trailing `/` or `.git`), per host type. */
const COMMIT_PATHS: Record<
  string,
  (repositoryPath: string, sha: string) => string | undefined
> = {
  github: (path, sha) => `${path}/commit/${sha}`,
  gitea: (path, sha) => `${path}/commit/${sha}`,
  azure: (path, sha) => `${path}/commit/${sha}`,
  gitlab: (path, sha) => `${path}/-/commit/${sha}`,
  bitbucketCloud: (path, sha) => `${path}/commits/${sha}`,
  bitbucketServer: bitbucketServerCommitPath,
};

/** `<context>/scm/PROJ/repo` → `<context>/projects/PROJ/repos/repo/commits/<sha>` (`~user` → `users/user`). */
function bitbucketServerCommitPath(path: string, sha: string) {
  const clone = /^(.*)\/scm\/([^/]+)\/([^/]+)$/.exec(path);
  if (!clone) return undefined;
  const [, context, owner, repository] = clone;
  const ownerPath = owner.startsWith('~')
    ? `users/${owner.slice(1)}`
    : `projects/${owner}`;
  return `${context}/${ownerPath}/repos/${repository}/commits/${sha}`;
}

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
  const path = commitPath(repositoryPath, sha);
  return path === undefined ? undefined : `${url.origin}${path}`;
}
