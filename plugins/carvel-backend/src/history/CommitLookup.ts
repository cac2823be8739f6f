/** The GitOps commit a PackageInstall's current state came from. */
export interface DeployedCommit {
  sha: string;
  /** When the commit was made (its committer time): the start of the lead time. */
  committedAt: Date;
}

/**
 * Seam to the GitOps repository mirror: which commit the App delivering a PackageInstall deployed.
 * Until the mirror is wired in, `noCommitLookup` records transitions without commit or lead time.
 */
export interface CommitLookup {
  commitFor(
    cluster: string,
    namespace: string,
    name: string,
  ): DeployedCommit | undefined | Promise<DeployedCommit | undefined>;
}

export const noCommitLookup: CommitLookup = {
  commitFor: () => undefined,
};

const MAX_LEAD_TIME_SECONDS = 2_147_483_647;

/** Whole seconds from the commit to the reconcile; undefined when the commit came after it. */
export function leadTimeSeconds(
  commit: DeployedCommit | undefined,
  reconciledAt: Date,
): number | undefined {
  if (!commit) return undefined;
  const seconds = Math.round(
    (reconciledAt.getTime() - commit.committedAt.getTime()) / 1000,
  );
  return seconds >= 0 && seconds <= MAX_LEAD_TIME_SECONDS ? seconds : undefined;
}
