import type {
  DeploymentHistoryEntry,
  DesiredState,
} from '@carvel-gitops/plugin-carvel-common';

/** A commit's web page in a followed repository, as the status service's `commitUrl` gives it. */
export type CommitUrlOf = (
  repository: string,
  sha: string,
) => string | undefined;

const installKey = (cluster: string, namespace: string, name: string) =>
  JSON.stringify([cluster, namespace, name]);

/**
 * Adds `commitUrl` to entries with a commit, taking the repository that declares the PackageInstall
 * now: the commit that deployed it came from the App delivering that repository's folder.
 */
export function addHistoryCommitUrls(
  entries: DeploymentHistoryEntry[],
  desiredState: DesiredState,
  commitUrl: CommitUrlOf,
): DeploymentHistoryEntry[] {
  const repositoryOf = new Map<string, string>();
  for (const repository of desiredState.repositories) {
    for (const install of repository.packageInstalls) {
      const key = installKey(install.cluster, install.namespace, install.name);
      if (!repositoryOf.has(key)) repositoryOf.set(key, install.repository);
    }
  }
  return entries.map(entry => {
    const repository = repositoryOf.get(
      installKey(entry.cluster, entry.namespace, entry.name),
    );
    const url =
      entry.commit && repository
        ? commitUrl(repository, entry.commit)
        : undefined;
    return url ? { ...entry, commitUrl: url } : entry;
  });
}
