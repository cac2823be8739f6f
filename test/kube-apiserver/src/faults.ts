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

/** How a hostile server answers the watches of one resource. */
export type HostileWatch =
  /** 200 and then one line that never ends: bytes without a newline, as fast as the client reads. */
  | { kind: 'endless-line'; chunkBytes?: number }
  /** Never sends response headers; holds the connection until the client gives up. */
  | { kind: 'no-headers' };

/** How a hostile server answers the lists of one resource. */
export type HostileList =
  /** Every page carries a new continue token, forever; its items are the first page's, renamed per page. */
  | { kind: 'endless-pages' }
  /** Every page carries the same continue token, so a client that follows it loops on the first page. */
  | { kind: 'repeated-continue' }
  /** One page, ignoring `limit`, of `objects` copies of the first object, each padded by `bytesPerObject`. */
  | { kind: 'huge-page'; objects: number; bytesPerObject?: number };

export interface DeeplyNestedOptions {
  namespace?: string;
  /** Levels of `{"nested": ...}`; default 10,000 (deeper than JSON.stringify can recurse). */
  depth?: number;
  /** Where in the object the nested value goes, e.g. `['spec', 'values']`; default `['spec', 'nested']`. */
  path?: string[];
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
  /**
   * Put `object` with a value nested `depth` levels deep at `path` into the store. Served from
   * text built without recursion; the in-process copy keeps a placeholder string at `path`.
   */
  insertDeeplyNestedObject(
    resource: string,
    object: Record<string, unknown>,
    options?: DeeplyNestedOptions,
  ): MalformedObjectHandle;
  /** Answer every watch of one resource in a hostile way; `undefined` turns it off. */
  setHostileWatch(resource: string, mode: HostileWatch | undefined): void;
  /** Answer every list of one resource in a hostile way; `undefined` turns it off. */
  setHostileList(resource: string, mode: HostileList | undefined): void;
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
  private readonly hostileWatches = new Map<string, HostileWatch>();
  private readonly hostileLists = new Map<string, HostileList>();

  setHostileWatch(type: ResourceType, mode: HostileWatch | undefined): void {
    if (mode) this.hostileWatches.set(qualifiedResourceOf(type), mode);
    else this.hostileWatches.delete(qualifiedResourceOf(type));
  }

  hostileWatchOf(type: ResourceType): HostileWatch | undefined {
    return this.hostileWatches.get(qualifiedResourceOf(type));
  }

  setHostileList(type: ResourceType, mode: HostileList | undefined): void {
    if (mode) this.hostileLists.set(qualifiedResourceOf(type), mode);
    else this.hostileLists.delete(qualifiedResourceOf(type));
  }

  hostileListOf(type: ResourceType): HostileList | undefined {
    return this.hostileLists.get(qualifiedResourceOf(type));
  }

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
    this.hostileWatches.clear();
    this.hostileLists.clear();
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
    serialize?: (object: unknown) => string,
  ): MalformedObjectHandle;
}

const NESTED_MARK = '<deeply nested value>';

/** `{"nested":{"nested":...{}}}` with `depth` levels, built without recursion. */
export function deeplyNestedJson(depth: number): string {
  return `${'{"nested":'.repeat(depth)}{}${'}'.repeat(depth)}`;
}

/** A copy of `object` with `value` at `path`, copying only the objects along the path. */
function withValueAt(
  object: Record<string, unknown>,
  path: string[],
  value: unknown,
): Record<string, unknown> {
  const root = { ...object };
  let parent: Record<string, unknown> = root;
  path.forEach((key, index) => {
    if (index === path.length - 1) {
      parent[key] = value;
      return;
    }
    const child = parent[key];
    const copy =
      child && typeof child === 'object' && !Array.isArray(child)
        ? { ...(child as Record<string, unknown>) }
        : {};
    parent[key] = copy;
    parent = copy;
  });
  return root;
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
    insertDeeplyNestedObject(resource, object, options = {}) {
      const nested = deeplyNestedJson(options.depth ?? 10_000);
      return hooks.insertMalformedObject(
        registry.resolve(resource),
        withValueAt(object, options.path ?? ['spec', 'nested'], NESTED_MARK),
        options.namespace ?? '',
        value => JSON.stringify(value).replace(`"${NESTED_MARK}"`, nested),
      );
    },
    setHostileWatch(resource, mode) {
      state.setHostileWatch(registry.resolve(resource), mode);
    },
    setHostileList(resource, mode) {
      state.setHostileList(registry.resolve(resource), mode);
    },
    async clear() {
      state.reset();
      await hooks.acceptConnections();
    },
  };
}
