export interface Config {
  /** Carvel GitOps delivery: where to read Packages, PackageInstalls and Apps from. */
  carvel?: {
    /** Deadline of one request to a cluster, in milliseconds; default 5000. */
    requestTimeoutMs?: number;
    /**
     * How long a status request waits for a cluster that has not answered its first list yet,
     * in milliseconds; default 3000. After that the cluster is reported as `timeout`.
     */
    initialSyncTimeoutMs?: number;
    /** Bounds on what one cluster may send; a cluster over any of them is reported as an error. */
    limits?: {
      /** Longest line of a watch stream, in bytes; default 16777216 (16 MiB). Over it: `unknown`, back off, relist. */
      watchLineBytes?: number;
      /** Largest body of one list page, in bytes; default 67108864 (64 MiB). */
      listPageBytes?: number;
      /** Most pages one list of one resource may take; default 200. */
      listPages?: number;
      /** Most objects one list of one resource may return; default 100000. */
      listObjects?: number;
      /** Deadline of a whole (paged) list of one resource, in milliseconds; default 120000. */
      listDeadlineMs?: number;
      /** Deepest nesting of an object; deeper objects are skipped and logged; default 64. */
      objectDepth?: number;
      /**
       * Server-side timeout of a watch, in seconds; default 300. The watch is reopened after it,
       * and given up (reopened) 30 s later if the server never closes it.
       */
      watchSeconds?: number;
    };
    /** Retries after a failed list or watch: full jitter, delay = random(0, min(maxMs, initialMs * 2^n)). */
    backoff?: {
      /** Default 1000. */
      initialMs?: number;
      /** Default 60000. */
      maxMs?: number;
      /** The backoff starts over only after a watch stayed open this long, in milliseconds; default 30000. */
      healthyAfterMs?: number;
    };
    /** Bounds of the status API's answers. */
    status?: {
      /**
       * At most this many PackageInstalls, and as many Apps, per cluster in one status response
       * (those that need attention first); the rest are counted in `truncated`. Default 500.
       */
      maxItemsPerCluster?: number;
      /**
       * How long one caller's catalog lookup and `carvel.status.read` decision for one entity are
       * reused by the status and history endpoints, in milliseconds; default 1000, 0 asks every time.
       * Only allowed answers are kept, per user (and acting service) or service; identical requests
       * in flight are asked once either way. Past half this time an answer is asked again in the
       * background while the kept one is served; a refusal then ends the reuse at once.
       */
      accessReuseMs?: number;
    };
    /** The deployment history kept in the backend's database. */
    history?: {
      /** Transitions older than this many days are deleted; default 90. */
      retentionDays?: number;
      /** How often the cleanup runs, in minutes; default 360. */
      cleanupIntervalMinutes?: number;
    };
    /** The GitOps repositories the backend follows for drift and history (credentials from `integrations`). */
    gitops?: {
      /** Remote repositories (https only) and the branch to follow (default `main`). */
      repositories?: Array<{ url: string; branch?: string }>;
      /** Local repositories, followed on `main` as well; see the scaffolder module. */
      localRepositories?: string[];
      /** Seconds between fetches of every repository; default 60. */
      refreshSeconds?: number;
      /** Seconds between head checks of the local repositories (no fetch unless moved); default 2. */
      headPollSeconds?: number;
      mirror?: {
        /** Folder of the bare mirrors; default a folder under the system's temporary directory. */
        directory?: string;
        /** Commits of history kept per branch; default 500. */
        depth?: number;
        /** Largest mirror on disk in MiB; a bigger repository is a problem, not mirrored; default 256. */
        maxMegabytes?: number;
        /** PackageInstall, App and Package files read per repository; default 2000. */
        maxFiles?: number;
      };
    };
    /**
     * Run clusters to watch. Without this list, the `kubernetes.clusterLocatorMethods`
     * entries of type `config` are used.
     */
    clusters?: Array<{
      /** Cluster name, as used in the GitOps layout (`<package>/<cluster>/`). */
      name: string;
      /** URL of the cluster's Kubernetes API server. */
      url?: string;
      /**
       * Bearer token of a ServiceAccount that may get, list and watch the Carvel resources.
       * @visibility secret
       */
      serviceAccountToken?: string;
      /**
       * PEM CA bundle of the API server, base64-encoded.
       * @visibility secret
       */
      caData?: string;
      /** Path to a PEM CA bundle file of the API server. */
      caFile?: string;
      /** Skip TLS verification. Never in production. */
      skipTLSVerify?: boolean;
      /** Path to a kubeconfig file to take the connection from, instead of url/token. */
      kubeconfig?: string;
      /** Context of that kubeconfig file; default: its current context. */
      context?: string;
    }>;
  };
}
