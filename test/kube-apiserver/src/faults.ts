import {
  ResourceRegistry,
  ResourceType,
  qualifiedResourceOf,
} from './resources';

export type KubeVerb =
  | 'get'
  | 'list'
  | 'watch'
  | 'create'
  | 'update'
  | 'patch'
  | 'delete'
  | 'deletecollection';

export interface ForbidOptions {
  /** Only these verbs are forbidden; all verbs when absent. */
  verbs?: KubeVerb[];
  /** Forbid only requests across all namespaces (`-A`), as for a subject bound by a namespaced Role. */
  clusterWideOnly?: boolean;
}

/**
 * How the aggregated API's 503 looks. `status`: a JSON Status with the message client-go
 * prints ("the server is currently unable to handle the request"). `text`: what kube-aggregator
 * itself writes when the APIService is unavailable: text/plain "service unavailable".
 */
export type UnavailableBody = 'status' | 'text';

export interface MalformedObjectHandle {
  remove(): void;
}

/** Failures that can be switched on and off while a server runs. */
export interface ClusterFaults {
  /** Delay every request by this many milliseconds (0 turns it off). */
  setLatency(milliseconds: number): void;
  /** Stop listening and destroy every open connection: clients see ECONNREFUSED / ECONNRESET. */
  refuseConnections(): Promise<void>;
  /** Listen again on the same port. */
  acceptConnections(): Promise<void>;
  /** Answer 401 to every request, as when a token was revoked. */
  setUnauthorized(enabled: boolean): void;
  /** Answer 403 for one resource (`pkgi`, `packageinstalls`, `PackageInstall`, ...). */
  forbid(resource: string, options?: ForbidOptions): void;
  allow(resource: string): void;
  /** Remove an API group as if its CRDs were deleted: missing from discovery, 404 for its resources. */
  removeGroup(group: string): void;
  restoreGroup(group: string): void;
  /** Make the aggregated API (data.packaging.carvel.dev) answer 503, as when kapp-controller is down. */
  setAggregatedApiUnavailable(enabled: boolean, body?: UnavailableBody): void;
  /** Destroy the sockets of all open watches mid-stream; returns how many were dropped. */
  dropWatchConnections(): number;
  /** End all open watches cleanly, as the API server does when a watch times out; returns how many. */
  closeWatchConnections(): number;
  /** Compact the event history: every older resourceVersion now answers 410 Gone / Expired. */
  expireResourceVersions(): void;
  /** Put an object no valid write could produce into the store so lists and watches return it. */
  insertMalformedObject(
    resource: string,
    object: unknown,
    options?: { namespace?: string },
  ): MalformedObjectHandle;
  /** Turn every fault off and accept connections again. */
  clear(): Promise<void>;
}

interface ForbiddenRule {
  verbs?: Set<KubeVerb>;
  clusterWideOnly: boolean;
}

/** The switches the request handler consults; mutated through {@link ClusterFaults}. */
export class FaultState {
  latencyMs = 0;
  unauthorized = false;
  aggregatedUnavailable: UnavailableBody | undefined;
  readonly removedGroups = new Set<string>();
  private readonly forbidden = new Map<string, ForbiddenRule>();

  forbid(type: ResourceType, options: ForbidOptions = {}): void {
    this.forbidden.set(qualifiedResourceOf(type), {
      verbs: options.verbs ? new Set(options.verbs) : undefined,
      clusterWideOnly: options.clusterWideOnly ?? false,
    });
  }

  allow(type: ResourceType): void {
    this.forbidden.delete(qualifiedResourceOf(type));
  }

  isForbidden(type: ResourceType, verb: KubeVerb, namespace?: string): boolean {
    const rule = this.forbidden.get(qualifiedResourceOf(type));
    if (!rule) return false;
    if (rule.verbs && !rule.verbs.has(verb)) return false;
    return !(rule.clusterWideOnly && namespace);
  }

  isServed(type: ResourceType): boolean {
    return !this.removedGroups.has(type.group);
  }

  isUnavailable(type: ResourceType): boolean {
    return (
      this.aggregatedUnavailable !== undefined && type.servedBy === 'aggregated'
    );
  }

  reset(): void {
    this.latencyMs = 0;
    this.unauthorized = false;
    this.aggregatedUnavailable = undefined;
    this.removedGroups.clear();
    this.forbidden.clear();
  }
}

export interface FaultHooks {
  refuseConnections(): Promise<void>;
  acceptConnections(): Promise<void>;
  dropWatchConnections(): number;
  closeWatchConnections(): number;
  expireResourceVersions(): void;
  insertMalformedObject(
    type: ResourceType,
    object: unknown,
    namespace: string,
  ): MalformedObjectHandle;
}

export function createClusterFaults(
  state: FaultState,
  registry: ResourceRegistry,
  hooks: FaultHooks,
): ClusterFaults {
  return {
    setLatency(milliseconds) {
      state.latencyMs = Math.max(0, milliseconds);
    },
    refuseConnections: () => hooks.refuseConnections(),
    acceptConnections: () => hooks.acceptConnections(),
    setUnauthorized(enabled) {
      state.unauthorized = enabled;
    },
    forbid(resource, options) {
      state.forbid(registry.resolve(resource), options);
    },
    allow(resource) {
      state.allow(registry.resolve(resource));
    },
    removeGroup(group) {
      state.removedGroups.add(group);
    },
    restoreGroup(group) {
      state.removedGroups.delete(group);
    },
    setAggregatedApiUnavailable(enabled, body = 'status') {
      state.aggregatedUnavailable = enabled ? body : undefined;
    },
    dropWatchConnections: () => hooks.dropWatchConnections(),
    closeWatchConnections: () => hooks.closeWatchConnections(),
    expireResourceVersions: () => hooks.expireResourceVersions(),
    insertMalformedObject(resource, object, options = {}) {
      return hooks.insertMalformedObject(
        registry.resolve(resource),
        object,
        options.namespace ?? '',
      );
    },
    async clear() {
      state.reset();
      await hooks.acceptConnections();
    },
  };
}
