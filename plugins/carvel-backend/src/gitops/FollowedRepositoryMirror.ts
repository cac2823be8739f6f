import type { LoggerService } from '@backstage/backend-plugin-api';
import { DesiredRepositoryState } from '@carvel-gitops/plugin-carvel-common';
import {
  checkBranchName,
  GitRepository,
} from '@carvel-gitops/plugin-carvel-node';
import { BareRepositoryMirror } from './BareRepositoryMirror';
import { batchedBlobReader } from './batchedBlobReader';
import { FollowedRepository } from './gitopsMirrorSettings';
import { DesiredFilesLimits, readDesiredFilesAt } from './readDesiredFilesAt';

/** Resolves a followed repository's URL to what git uses: the actions' credential and hygiene path. */
export interface RepositoryResolver {
  resolve(url: string): Promise<GitRepository>;
}

export interface FollowedRepositoryMirrorOptions {
  repository: FollowedRepository;
  mirror: BareRepositoryMirror;
  resolver: RepositoryResolver;
  logger: LoggerService;
  maxMirrorBytes: number;
  files: DesiredFilesLimits;
  signal: AbortSignal;
  now: () => Date;
  /** Called after the state changed: a new head, or a new problem. */
  onChange: () => void;
}

const MIB = 1024 * 1024;

/** One followed repository and branch: its mirror on disk and the desired state read at its head. */
export class FollowedRepositoryMirror {
  private current: DesiredRepositoryState;
  private branchChecked = false;
  private resolvedCloneUrl?: string;
  private running?: Promise<void>;
  private queued?: Promise<void>;
  private lastProblem?: string;
  private markFirstRead: () => void = () => {};
  /** Settles once the first fetch and read finished, whether it succeeded or not. */
  readonly firstRead = new Promise<void>(resolve => {
    this.markFirstRead = resolve;
  });

  constructor(private readonly options: FollowedRepositoryMirrorOptions) {
    const url = this.name;
    const { branch } = options.repository;
    this.current = {
      repository: url,
      branch,
      packageInstalls: [],
      apps: [],
      problems: [{ repository: url, message: 'has not been fetched yet' }],
    };
  }

  /** The repository's URL as configured, without any `user:password@`: safe in answers and logs. */
  get name(): string {
    return this.options.repository.url.replace(
      /^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i,
      '$1***@',
    );
  }

  get state(): DesiredRepositoryState {
    return this.current;
  }

  get repository(): FollowedRepository {
    return this.options.repository;
  }

  get mirror(): BareRepositoryMirror {
    return this.options.mirror;
  }

  /** A local repository: its head is cheap to compare often. */
  get local(): boolean {
    return !/^https:\/\//i.test(this.options.repository.url);
  }

  get busy(): boolean {
    return this.running !== undefined || this.queued !== undefined;
  }

  /** Fetches and reads now; a refresh already running is followed by exactly one more. */
  refresh(): Promise<void> {
    if (this.queued) return this.queued;
    const queued = (this.running ?? Promise.resolve()).then(() => {
      this.queued = undefined;
      const running = this.fetchAndRead();
      this.running = running;
      return running.finally(() => {
        this.markFirstRead();
        if (this.running === running) this.running = undefined;
      });
    });
    this.queued = queued;
    return queued;
  }

  /** The branch head the repository advertises now, if it answers. */
  async remoteHead(): Promise<string | undefined> {
    try {
      const repository = await this.resolve();
      return await this.mirror.remoteHead(repository, this.options.signal);
    } catch {
      return undefined;
    }
  }

  /** What git clones (as the push action resolves it too), if the URL is allowed. */
  async cloneUrl(): Promise<string | undefined> {
    if (this.resolvedCloneUrl) return this.resolvedCloneUrl;
    return this.resolve().then(
      r => r.cloneUrl,
      () => undefined,
    );
  }

  private async resolve(): Promise<GitRepository> {
    if (!this.branchChecked) {
      const problem = await checkBranchName(
        this.options.repository.branch,
        'branch',
      );
      if (problem) throw new Error(problem);
      this.branchChecked = true;
    }
    const resolved = await this.options.resolver.resolve(
      this.options.repository.url,
    );
    this.resolvedCloneUrl = resolved.cloneUrl;
    return resolved;
  }

  private async fetchAndRead(): Promise<void> {
    const { signal, repository } = this.options;
    if (signal.aborted) return;
    try {
      const { commit, committedAt } = await this.mirror.fetch(
        await this.resolve(),
        signal,
      );
      await this.checkSize();
      const fetchedAt = this.options.now().toISOString();
      if (commit === this.current.commit && !this.lastProblem) {
        this.current = { ...this.current, fetchedAt };
        return;
      }
      const treeFiles = await this.mirror.files(commit);
      const files = await readDesiredFilesAt(
        {
          repository: this.name,
          commit,
          committedAt,
          files: treeFiles,
          readBlob: await batchedBlobReader(
            this.mirror,
            treeFiles,
            this.options.files,
          ),
        },
        this.options.files,
      );
      this.current = {
        repository: this.name,
        branch: repository.branch,
        commit,
        committedAt,
        fetchedAt,
        ...files,
      };
      this.lastProblem = undefined;
    } catch (error) {
      if (signal.aborted) return;
      const message = `could not be fetched: ${(error as Error).message}`;
      if (message === this.lastProblem) return;
      this.options.logger.warn(
        `GitOps repository ${this.name} (${repository.branch}) ${message}`,
      );
      this.lastProblem = message;
      this.current = {
        ...this.current,
        problems: [
          { repository: this.name, message },
          ...this.current.problems.filter(p => p.file !== undefined),
        ],
      };
    }
    this.options.onChange();
  }

  private async checkSize(): Promise<void> {
    const size = await this.mirror.sizeOnDisk();
    if (size <= this.options.maxMirrorBytes) return;
    await this.mirror.remove();
    throw new Error(
      `takes ${Math.ceil(size / MIB)} MiB, more than the ${Math.round(
        this.options.maxMirrorBytes / MIB,
      )} MiB mirrored`,
    );
  }
}
