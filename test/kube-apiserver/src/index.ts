import { randomBytes } from 'node:crypto';
import { ClusterStore } from './clusterStore';
import { ServerContext } from './context';
import { ClusterFaults, FaultState, createClusterFaults } from './faults';
import { renderKubeconfig } from './kubeconfig';
import { RequestCounter } from './requests';
import {
  CARVEL_GROUPS,
  ResourceRegistry,
  builtInResourceTypes,
} from './resources';
import { HttpsApiServer } from './server';
import { ObjectStore } from './store';
import { createTlsIdentity, sharedTlsIdentity } from './tls';

export interface KubeApiServerOptions {
  /** Names the cluster; the default kubeconfig context name. */
  name?: string;
  /** The bearer token clients must send; random when absent. */
  token?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** false: no kapp-controller, so the Carvel groups are absent from discovery and answer 404. Default true. */
  crdsInstalled?: boolean;
  /** Events kept per resource for watches and paging from older resourceVersions. Default 1000. */
  watchHistorySize?: number;
  /** Appears in 403 messages. Default `system:serviceaccount:default:backstage`. */
  userName?: string;
  /** Reported by /version. Default 1.32.0. */
  kubernetesVersion?: string;
  /** kapp-controller's packaging global namespace; null turns the merge off. Default `kapp-controller-packaging-global`. */
  packagingGlobalNamespace?: string | null;
  /** How often watches with allowWatchBookmarks get a BOOKMARK. Default 60 s, like the API server. */
  watchBookmarkIntervalMs?: number;
  /** Use a CA of its own rather than the one shared by all servers of this process. */
  ownCertificateAuthority?: boolean;
  /** Clock for timestamps and table ages (epoch ms). */
  now?: () => number;
}

export interface KubeApiServer {
  readonly name: string;
  /** `https://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** PEM of the CA that signed the server certificate. */
  readonly caData: string;
  readonly token: string;
  readonly store: ClusterStore;
  readonly faults: ClusterFaults;
  readonly requests: RequestCounter;
  /** Watch responses open right now, hostile ones included: 0 once every client let go. */
  readonly openWatchCount: number;
  /** A kubeconfig (YAML text) for this server with one context. */
  kubeconfig(contextName?: string, options?: { namespace?: string }): string;
  close(): Promise<void>;
}

const DEFAULT_NAMESPACES = [
  'default',
  'kube-system',
  'kube-public',
  'kube-node-lease',
];

/** Starts a Kubernetes-API-compatible HTTPS server for tests, benchmarks and the demo. */
export async function startKubeApiServer(
  options: KubeApiServerOptions = {},
): Promise<KubeApiServer> {
  const name = options.name ?? 'kube-apiserver-sim';
  const token = options.token ?? randomBytes(24).toString('hex');
  const now = options.now ?? Date.now;
  const types = builtInResourceTypes().filter(
    type =>
      options.crdsInstalled !== false || !CARVEL_GROUPS.includes(type.group),
  );
  const registry = new ResourceRegistry(types);
  const objects = new ObjectStore(registry, {
    historySize: options.watchHistorySize ?? 1000,
    now,
  });
  const namespaceType = registry.resolve('namespaces');
  for (const namespace of DEFAULT_NAMESPACES) {
    objects.create(
      namespaceType,
      { metadata: { name: namespace } },
      { mode: 'seed' },
    );
  }

  const faultState = new FaultState();
  const context: ServerContext = {
    store: objects,
    registry,
    faults: faultState,
    watches: new Set(),
    userName: options.userName ?? 'system:serviceaccount:default:backstage',
    packagingGlobalNamespace:
      options.packagingGlobalNamespace === null
        ? undefined
        : options.packagingGlobalNamespace ??
          'kapp-controller-packaging-global',
    bookmarkIntervalMs: options.watchBookmarkIntervalMs ?? 60_000,
    now,
  };
  const tls = options.ownCertificateAuthority
    ? await createTlsIdentity(`${name}-ca`)
    : await sharedTlsIdentity();
  const requests = new RequestCounter();
  const server = new HttpsApiServer({
    context,
    tls,
    token,
    port: options.port ?? 0,
    kubernetesVersion: options.kubernetesVersion ?? '1.32.0',
    requests,
  });
  await server.listen();
  const url = `https://127.0.0.1:${server.port}`;

  const faults = createClusterFaults(faultState, registry, {
    refuseConnections: () => server.stopListening(),
    acceptConnections: () => server.listen(),
    dropWatchConnections() {
      const sessions = [...context.watches];
      sessions.forEach(session => session.drop());
      return sessions.length;
    },
    closeWatchConnections() {
      const sessions = [...context.watches];
      sessions.forEach(session => session.end());
      return sessions.length;
    },
    expireResourceVersions: () => objects.compact(),
    insertMalformedObject(type, object, namespace, serialize) {
      const stored = objects.insertUnchecked(
        type,
        object,
        namespace,
        serialize,
      );
      return { remove: () => objects.removeUnchecked(type, stored) };
    },
  });

  return {
    name,
    url,
    port: server.port,
    caData: tls.caPem,
    token,
    store: new ClusterStore(objects, registry),
    faults,
    requests,
    get openWatchCount() {
      return context.watches.size;
    },
    kubeconfig: (contextName = name, kubeconfigOptions = {}) =>
      renderKubeconfig({
        contextName,
        server: url,
        caPem: tls.caPem,
        token,
        namespace: kubeconfigOptions.namespace,
      }),
    close: () => server.stopListening(),
  };
}

export type {
  ClusterFaults,
  DeeplyNestedOptions,
  ForbidOptions,
  HostileList,
  HostileWatch,
  KubeVerb,
  MalformedObjectHandle,
  UnavailableBody,
} from './faults';
export type {
  KubeObject,
  KubeObjectMeta,
  ListQuery,
  ObjectRef,
} from './clusterStore';
export type { ClusterStore } from './clusterStore';
export type { RecordedRequest, RequestFilter } from './requests';
export { RequestCounter } from './requests';
export { deeplyNestedJson } from './faults';
export type { Status } from './errors';
export { ApiError } from './errors';
export { EXCLUDE_GLOBAL_PACKAGES_ANNOTATION } from './globalPackages';
