import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import {
  DesiredRepositoryState,
  DesiredState,
  DesiredStateSource,
} from '@carvel-gitops/plugin-carvel-common';
import {
  checkBranchName,
  GitopsPushedEvent,
  GitRepositories,
  GitRepository,
} from '@carvel-gitops/plugin-carvel-node';
import { BareRepositoryMirror } from './BareRepositoryMirror';
import {
  FollowedRepository,
  GitopsMirrorSettings,
  mirrorDirectoryOf,
  readGitopsMirrorSettings,
} from './gitopsMirrorSettings';
import { readDesiredFilesAt } from './readDesiredFilesAt';

/** Resolves a followed repository's URL to what git uses: the actions' credential and hygiene path. */
export interface RepositoryResolver {
  resolve(url: string): Promise<GitRepository>;
}

export interface GitopsRepositoryMirrorOptions {
  settings: GitopsMirrorSettings;
  resolver: RepositoryResolver;
  logger: LoggerService;
  /** Time limit of commands that only read the mirror on disk. */
  localTimeoutMs?: number;
  now?: () => Date;
}

interface Followed {
  repository: FollowedRepository;
  mirror: BareRepositoryMirror;
  state: DesiredRepositoryState;
  local: boolean;
  branchChecked?: boolean;
  /** What git clones, once resolved: how a push announced by the actions is matched. */
  cloneUrl?: string;
  running?: Promise<void>;
  queued?: Promise<void>;
  lastProblem?: string;
}

const MAX_CACHED_COMMIT_TIMES = 10_000;

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

  private readonly followed: Followed[];
  private readonly listeners = new Set<() => void>();
  private readonly commitTimes = new Map<string, string>();
  private readonly stopping = new AbortController();
  private readonly now: () => Date;

  constructor(private readonly options: GitopsRepositoryMirrorOptions) {
    this.now = options.now ?? (() => new Date());
    this.followed = options.settings.repositories.map(repository => ({
      repository,
      local: !/^https:\/\//i.test(repository.url),
      mirror: new BareRepositoryMirror({
        directory: mirrorDirectoryOf(options.settings, repository),
        branch: repository.branch,
        depth: options.settings.depth,
        localTimeoutMs: options.localTimeoutMs ?? 30_000,
      }),
      state: {
        repository: repository.url,
        branch: repository.branch,
        packageInstalls: [],
        apps: [],
        problems: [
          { repository: repository.url, message: 'has not been fetched yet' },
        ],
      },
    }));
  }

  desiredState(): DesiredState {
    return { repositories: this.followed.map(f => f.state) };
  }

  /** Called after a repository's state changed (new head, or a new problem). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Fetches every repository now (a fetch already running is followed by one more). */
  async refresh(): Promise<void> {
    await Promise.all(this.followed.map(f => this.refreshRepository(f)));
  }

  /** Fetches the local repositories whose head moved: how our own pushes show within seconds. */
  async refreshMovedLocalHeads(): Promise<void> {
    await Promise.all(
      this.followed
        .filter(f => f.local && !f.running && !f.queued)
        .map(async f => {
          const head = await this.remoteHeadOf(f);
          if (head !== undefined && head !== f.state.commit) {
            await this.refreshRepository(f);
          }
        }),
    );
  }

  /** Fetches the followed repository a push of ours moved (announced with its resolved clone URL). */
  async refreshPushed(pushed: GitopsPushedEvent): Promise<void> {
    await Promise.all(
      this.followed
        .filter(f => f.repository.branch === pushed.branch)
        .map(async f => {
          const cloneUrl =
            f.cloneUrl ??
            (await this.resolve(f).then(
              r => r.cloneUrl,
              () => undefined,
            ));
          if (
            cloneUrl === pushed.repository &&
            f.state.commit !== pushed.commit
          ) {
            await this.refreshRepository(f);
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
    for (const f of this.followed) {
      const answer = await f.mirror
        .isAncestor(ancestor, descendant)
        .catch(() => undefined);
      if (answer !== undefined) return answer;
    }
    return undefined;
  }

  private refreshRepository(f: Followed): Promise<void> {
    if (f.queued) return f.queued;
    const queued = (f.running ?? Promise.resolve()).then(() => {
      f.queued = undefined;
      const running = this.fetchAndRead(f);
      f.running = running;
      return running.finally(() => {
        if (f.running === running) f.running = undefined;
      });
    });
    f.queued = queued;
    return queued;
  }

  private async remoteHeadOf(f: Followed): Promise<string | undefined> {
    try {
      const repository = await this.resolve(f);
      return await f.mirror.remoteHead(repository, this.stopping.signal);
    } catch {
      return undefined;
    }
  }

  private async resolve(f: Followed): Promise<GitRepository> {
    if (!f.branchChecked) {
      const problem = await checkBranchName(f.repository.branch, 'branch');
      if (problem) throw new Error(problem);
      f.branchChecked = true;
    }
    const resolved = await this.options.resolver.resolve(f.repository.url);
    f.cloneUrl = resolved.cloneUrl;
    return resolved;
  }

  private async fetchAndRead(f: Followed): Promise<void> {
    if (this.stopping.signal.aborted) return;
    const repository = f.repository.url;
    try {
      const resolved = await this.resolve(f);
      const { commit: head, committedAt } = await f.mirror.fetch(
        resolved,
        this.stopping.signal,
      );
      const size = await f.mirror.sizeOnDisk();
      if (size > this.options.settings.maxMirrorBytes) {
        await f.mirror.remove();
        throw new Error(
          `takes ${Math.ceil(size / 1048576)} MiB, more than the ${Math.round(
            this.options.settings.maxMirrorBytes / 1048576,
          )} MiB mirrored`,
        );
      }
      const fetchedAt = this.now().toISOString();
      if (head === f.state.commit && !f.lastProblem) {
        f.state = { ...f.state, fetchedAt };
        return;
      }
      const files = await readDesiredFilesAt(
        {
          repository,
          commit: head,
          committedAt,
          files: await f.mirror.files(head),
          readBlob: oid => f.mirror.readBlob(oid),
        },
        this.options.settings.files,
      );
      f.state = {
        repository,
        branch: f.repository.branch,
        commit: head,
        committedAt,
        fetchedAt,
        ...files,
      };
      f.lastProblem = undefined;
    } catch (error) {
      if (this.stopping.signal.aborted) return;
      const message = `could not be fetched: ${(error as Error).message}`;
      if (message === f.lastProblem) return;
      this.options.logger.warn(
        `GitOps repository ${repository} (${f.repository.branch}) ${message}`,
      );
      f.lastProblem = message;
      f.state = {
        ...f.state,
        problems: [
          { repository, message },
          ...f.state.problems.filter(p => p.file !== undefined),
        ],
      };
    }
    this.notify();
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
