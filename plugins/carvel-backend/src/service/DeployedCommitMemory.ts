/** Apps remembered at most; the oldest entry goes first. */
const DEFAULT_MAX_APPS = 10_000;

/**
 * The last commit each GitOps App was seen to deploy successfully. kapp-controller overwrites
 * `status.fetch` on every reconcile, so after a failed one only this memory still knows it.
 */
export class DeployedCommitMemory {
  private readonly commits = new Map<string, string>();

  constructor(private readonly maxApps = DEFAULT_MAX_APPS) {}

  /** Remembers `deployedCommit` when given; answers the one remembered otherwise. */
  deployedCommit(
    app: { cluster: string; namespace: string; name: string },
    deployedCommit: string | undefined,
  ): string | undefined {
    const key = `${app.cluster}\n${app.namespace}\n${app.name}`;
    if (!deployedCommit) return this.commits.get(key);
    this.commits.delete(key);
    this.commits.set(key, deployedCommit);
    if (this.commits.size > this.maxApps) {
      this.commits.delete(this.commits.keys().next().value!);
    }
    return deployedCommit;
  }
}
