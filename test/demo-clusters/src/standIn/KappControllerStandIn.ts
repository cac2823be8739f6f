import type { ClusterStore } from '@carvel-gitops/kube-apiserver-sim';
import { BuildClusterApps } from './BuildClusterApps';
import { ClusterGitopsApps } from './ClusterGitopsApps';
import { GitopsRepository } from './gitops/GitopsRepository';
import { RunClusterKappController } from './RunClusterKappController';

export interface SimulatedCluster {
  name: string;
  store: ClusterStore;
}

export interface KappControllerStandInOptions {
  /** The bare GitOps repository (its git dir). */
  repository: string;
  branch?: string;
  clusters: SimulatedCluster[];
  /** Where the GitOps Apps (`<package>/apps/<cluster>.yaml`) live and report, if the demo has one. */
  buildCluster?: SimulatedCluster;
  /** How often the branch is read; default 2000 ms. */
  pollIntervalMs?: number;
  /** How long an App's reconcile (and so its PackageInstall's) takes; default 1500 ms. */
  reconcileDelayMs?: number;
  log?: (line: string) => void;
  now?: () => number;
}

interface ClusterControllers {
  gitopsApps: ClusterGitopsApps;
  kappController: RunClusterKappController;
}

/**
 * A small stand-in for kapp-controller, for the demo: it plays the build cluster's GitOps Apps
 * (deploy the branch's package folders to each run cluster) and each run cluster's
 * PackageInstall controller.
 */
export class KappControllerStandIn {
  private readonly repository: GitopsRepository;
  private readonly controllers: ClusterControllers[];
  private readonly buildApps?: BuildClusterApps;
  private deployFailures = new Map<string, string[]>();
  private readonly pollIntervalMs: number;
  private readonly tickMs: number;
  private readonly now: () => number;
  private readonly log: (line: string) => void;
  private deployedCommit?: string;
  private deployAgain = false;
  private reportedFailures = '';
  private lastPollAt = Number.NEGATIVE_INFINITY;
  private waitingForRepository = false;
  private loop?: Promise<void>;
  private stopped = false;
  private wakeUp?: () => void;

  constructor(options: KappControllerStandInOptions) {
    this.repository = new GitopsRepository(options.repository, options.branch);
    this.pollIntervalMs = options.pollIntervalMs ?? 2000;
    const reconcileDelayMs = options.reconcileDelayMs ?? 1500;
    // Reconciles advance in small steps so the Reconciling phase lasts about reconcileDelayMs.
    this.tickMs = Math.max(10, Math.min(250, reconcileDelayMs / 4));
    this.now = options.now ?? Date.now;
    this.log = options.log ?? (() => {});
    this.controllers = options.clusters.map(cluster => ({
      gitopsApps: new ClusterGitopsApps(cluster.name, cluster.store),
      kappController: new RunClusterKappController({
        cluster: cluster.name,
        store: cluster.store,
        reconcileDelayMs,
        now: this.now,
        log: this.log,
      }),
    }));
    if (options.buildCluster) {
      this.buildApps = new BuildClusterApps(
        options.buildCluster.store,
        this.controllers.map(({ gitopsApps }) => ({
          name: gitopsApps.cluster,
          waitedPackageInstalls: (packageName: string) =>
            gitopsApps.waitedPackageInstalls(packageName),
        })),
        this.now,
      );
    }
  }

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeUp?.();
    await this.loop;
  }

  /** One round: deploy the branch if it moved (at most every poll interval), then advance reconciles. */
  private async step(): Promise<void> {
    if (this.now() - this.lastPollAt >= this.pollIntervalMs) {
      this.lastPollAt = this.now();
      await this.deployBranch();
    }
    for (const { kappController } of this.controllers) {
      kappController.reconcileAll();
    }
    this.buildApps?.reconcileAll(this.deployFailures);
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.step();
      } catch (error) {
        this.log(`kapp-controller stand-in: ${(error as Error).message}`);
      }
      await new Promise<void>(resolve => {
        const timer = setTimeout(resolve, this.tickMs);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  private async deployBranch(): Promise<void> {
    const commit = await this.repository.headCommit();
    if (!commit) {
      if (!this.waitingForRepository) {
        this.log(
          `waiting for branch ${this.repository.branch} of ${this.repository.gitDir}`,
        );
        this.waitingForRepository = true;
      }
      return;
    }
    this.waitingForRepository = false;
    const moved = commit !== this.deployedCommit;
    if (!moved && !this.deployAgain) return;
    if (moved)
      this.log(`deploying ${this.repository.branch}@${commit.slice(0, 7)}`);
    const files = await this.repository.manifestFilesAt(commit);
    const failures: string[] = [];
    const failuresByCluster = new Map<string, string[]>();
    for (const { gitopsApps } of this.controllers) {
      const result = gitopsApps.deploy(files);
      for (const change of result.changes) {
        this.log(`${gitopsApps.cluster}: ${change}`);
      }
      failuresByCluster.set(gitopsApps.cluster, result.failures);
      failures.push(
        ...result.failures.map(
          f => `${gitopsApps.cluster}: cannot deploy: ${f}`,
        ),
      );
    }
    this.deployFailures = failuresByCluster;
    if (this.buildApps) {
      const result = this.buildApps.deploy(
        files,
        await this.repository.fetchedCommit(commit),
      );
      result.changes.forEach(change => this.log(`build: ${change}`));
      failures.push(...result.failures.map(f => `build: cannot deploy: ${f}`));
    }
    // Failed deploys are retried every poll; their messages are logged when they change.
    const failureText = failures.join('\n');
    if (failureText !== this.reportedFailures)
      failures.forEach(f => this.log(f));
    this.reportedFailures = failureText;
    this.deployedCommit = commit;
    this.deployAgain = failures.length > 0;
  }
}
