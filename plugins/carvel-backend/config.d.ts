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
    /** Bounds of the status API's answers. */
    status?: {
      /**
       * At most this many PackageInstalls, and as many Apps, per cluster in one status response
       * (those that need attention first); the rest are counted in `truncated`. Default 500.
       */
      maxItemsPerCluster?: number;
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
