export interface Config {
  carvel?: {
    gitops?: {
      /**
       * Local git repositories (paths, relative to the backend's working directory or absolute)
       * that `carvel:gitops:fetch` and `carvel:gitops:push` may use. Any other local path is refused;
       * remote repositories use the credentials of the matching `integrations` entry.
       */
      localRepositories?: string[];
      /**
       * Time limit in seconds of each git command that talks to a repository (clone, ls-remote,
       * push); default 120. Transfers slower than 1 KiB/s for 30 s are aborted as well.
       */
      timeoutSeconds?: number;
      /**
       * A PEM CA bundle git trusts for https repositories instead of the system's, for git servers
       * with certificates of an internal CA. Path relative to the backend's working directory.
       */
      certificateAuthorityFile?: string;
    };
  };
}
