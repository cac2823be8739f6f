import type { DesiredStateSource } from '@carvel-gitops/plugin-carvel-common';
import type { CommitLookup, DeployedCommit } from '../history/CommitLookup';
import type { ClusterView } from './buildClusterState';
import { indexDeliveringApps } from './deliveringApps';

const FIRST_READ_TIMEOUT_MS = 30_000;

/**
 * Which GitOps commit a PackageInstall's current state came from, for the deployment history: the
 * commit its delivering App fetched last (what it is applying or has just applied), timed by the
 * mirror. Only PackageInstalls git declares have a delivering App, so git names the package.
 */
export class DeliveredCommitLookup implements CommitLookup {
  constructor(
    private readonly options: {
      clusters: () => Array<Pick<ClusterView, 'name' | 'apps'>>;
      mirror: DesiredStateSource & {
        firstRead?(timeoutMs: number): Promise<void>;
      };
      /** How long a lookup waits for the mirror's first read: states seen at start come before it. */
      firstReadTimeoutMs?: number;
    },
  ) {}

  async commitFor(
    cluster: string,
    namespace: string,
    name: string,
  ): Promise<DeployedCommit | undefined> {
    const { mirror } = this.options;
    await mirror.firstRead?.(
      this.options.firstReadTimeoutMs ?? FIRST_READ_TIMEOUT_MS,
    );
    const repositories = mirror.desiredState().repositories;
    const packageName = repositories
      .flatMap(r => r.packageInstalls)
      .find(
        i =>
          i.cluster === cluster && i.namespace === namespace && i.name === name,
      )?.packageName;
    if (!packageName) return undefined;
    const app = indexDeliveringApps(
      this.options.clusters(),
      [packageName],
      repositories.flatMap(r => r.apps),
    ).find(packageName, cluster);
    const sha = app?.fetchedCommit ?? app?.deployedCommit;
    if (!sha) return undefined;
    const time = await mirror.commitTime(sha);
    const committedAt = time ? new Date(time) : undefined;
    return committedAt && !Number.isNaN(committedAt.getTime())
      ? { sha, committedAt }
      : undefined;
  }
}
