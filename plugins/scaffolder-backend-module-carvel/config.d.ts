export interface Config {
  carvel?: {
    gitops?: {
      /**
       * Local git repositories (paths, relative to the backend's working directory or absolute)
       * that `carvel:gitops:fetch` and `carvel:gitops:push` may use. Any other local path is refused;
       * remote repositories use the credentials of the matching `integrations` entry.
       */
      localRepositories?: string[];
    };
  };
}
