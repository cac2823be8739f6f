import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import {
  DesiredState,
  DesiredStateSource,
} from '@carvel-gitops/plugin-carvel-common';
import {
  GitopsPushedEvent,
  GitRepositories,
} from '@carvel-gitops/plugin-carvel-node';
import { BareRepositoryMirror } from './BareRepositoryMirror';
import {
  FollowedRepositoryMirror,
  RepositoryResolver,
} from './FollowedRepositoryMirror';
import {
  GitopsMirrorSettings,
  mirrorDirectoryOf,
  readGitopsMirrorSettings,
} from './gitopsMirrorSettings';

export type { RepositoryResolver };

export interface GitopsRepositoryMirrorOptions {
  settings: GitopsMirrorSettings;
  resolver: RepositoryResolver;
  logger: LoggerService;
  /** Time limit of commands that only read the mirror on disk. */
  localTimeoutMs?: number;
  now?: () => Date;
}

const MAX_CACHED_COMMIT_TIMES = 10_000;
const MAX_CACHED_ANCESTRIES = 10_000;

/**
 * Follows the GitOps repositories of `carvel.gitops`: a bare mirror of each branch on disk, kept up to
 * date on the scheduler, read at the branch head into the desired state drift and history consume.
 */
export class GitopsRepositoryMirror implements DesiredStateSource {
  static fromConfig(
    config: Config,
    logger: LoggerService,
  ): GitopsRepositoryMirror {
    return new GitopsRepositoryMirror({
      settings: readGitopsMirrorSettings(config),
      resolver: GitRepositories.fromConfig(config),
      logger,
    });
  }

  private readonly followed: FollowedRepositoryMirror[];
  private readonly listeners = new Set<() => void>();
  private readonly commitTimes = new Map<string, string>();
  /**
   * Pairs `ancestor\ndescendant` git proved related. A proven ancestry never changes, so each
   * status answer need not spawn git again for an App still behind the head; a `false` or an
   * unknown is asked again (a shallow mirror or a later fetch may still prove it).
   */
  private readonly provenAncestries = new Set<string>();
  private readonly stopping = new AbortController();
  private allRead = false;
  private allReadOnce?: Promise<void>;

  constructor(private readonly options: GitopsRepositoryMirrorOptions) {
    const { settings } = options;
    this.followed = settings.repositories.map(
      repository =>
        new FollowedRepositoryMirror({
          repository,
          mirror: new BareRepositoryMirror({
            directory: mirrorDirectoryOf(settings, repository),
            branch: repository.branch,
            depth: settings.depth,
            localTimeoutMs: options.localTimeoutMs ?? 30_000,
          }),
          resolver: options.resolver,
          logger: options.logger,
          maxMirrorBytes: settings.maxMirrorBytes,
          files: settings.files,
          signal: this.stopping.signal,
          now: options.now ?? (() => new Date()),
          onChange: () => this.notify(),
        }),
    );
    this.allReadOnce = Promise.all(this.followed.map(f => f.firstRead)).then(
      () => {
        this.allRead = true;
      },
    );
  }

  desiredState(): DesiredState {
    return { repositories: this.followed.map(f => f.state) };
  }

  /** Called after a repository's state changed (new head, or a new problem). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Settles once every followed repository was read for the first time (or failed to be), or after
   * `timeoutMs`: what was deployed before the backend started is only attributable to a commit then.
   */
  async firstRead(timeoutMs: number): Promise<void> {
    // Every history lookup asks; once all were read, no timer is needed again.
    if (this.allRead) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>(resolve => {
      timer = setTimeout(resolve, timeoutMs);
    });
    try {
      await Promise.race([this.allReadOnce, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Fetches every repository now (a fetch already running is followed by one more). */
  async refresh(): Promise<void> {
    await Promise.all(this.followed.map(f => f.refresh()));
  }

  /** Fetches the local repositories whose head moved: how pushes to them show within seconds. */
  async refreshMovedLocalHeads(): Promise<void> {
    await Promise.all(
      this.followed
        .filter(f => f.local && !f.busy)
        .map(async f => {
          const head = await f.remoteHead();
          if (head !== undefined && head !== f.state.commit) await f.refresh();
        }),
    );
  }

  /** Fetches the followed repository a push of ours moved (announced with its resolved clone URL). */
  async refreshPushed(pushed: GitopsPushedEvent): Promise<void> {
    await Promise.all(
      this.followed
        .filter(f => f.repository.branch === pushed.branch)
        .map(async f => {
          if (
            (await f.cloneUrl()) === pushed.repository &&
            f.state.commit !== pushed.commit
          ) {
            await f.refresh();
          }
        }),
    );
  }

  async start(scheduler: SchedulerService): Promise<void> {
    const { refreshSeconds, headPollSeconds } = this.options.settings;
    if (this.followed.length === 0) return;
    await scheduler.scheduleTask({
      id: 'carvel-gitops-mirror-refresh',
      scope: 'local',
      frequency: { seconds: refreshSeconds },
      timeout: { seconds: Math.max(refreshSeconds * 5, 300) },
      fn: () => this.refresh(),
    });
    if (this.followed.some(f => f.local)) {
      await scheduler.scheduleTask({
        id: 'carvel-gitops-mirror-local-heads',
        scope: 'local',
        frequency: { seconds: headPollSeconds },
        timeout: { seconds: 60 },
        fn: () => this.refreshMovedLocalHeads(),
      });
    }
  }

  stop(): void {
    this.stopping.abort();
    this.listeners.clear();
  }

  async commitTime(sha: string): Promise<string | undefined> {
    const cached = this.commitTimes.get(sha);
    if (cached) return cached;
    for (const f of this.followed) {
      const time = await f.mirror.commitTime(sha).catch(() => undefined);
      if (time) {
        if (this.commitTimes.size >= MAX_CACHED_COMMIT_TIMES) {
          this.commitTimes.delete(this.commitTimes.keys().next().value!);
        }
        this.commitTimes.set(sha, time);
        return time;
      }
    }
    return undefined;
  }

  async isAncestor(
    ancestor: string,
    descendant: string,
  ): Promise<boolean | undefined> {
    const key = `${ancestor}\n${descendant}`;
    if (this.provenAncestries.has(key)) return true;
    for (const f of this.followed) {
      const answer = await f.mirror
        .isAncestor(ancestor, descendant)
        .catch(() => undefined);
      if (answer === true) {
        if (this.provenAncestries.size >= MAX_CACHED_ANCESTRIES) {
          this.provenAncestries.delete(
            this.provenAncestries.values().next().value!,
          );
        }
        this.provenAncestries.add(key);
      }
      if (answer !== undefined) return answer;
    }
    return undefined;
  }

  private notify(): void {
    for (const listener of this.listeners) {
      try {
        listener();
      } catch (error) {
        this.options.logger.warn(
          `GitOps mirror change listener failed: ${(error as Error).message}`,
        );
      }
    }
  }
}
