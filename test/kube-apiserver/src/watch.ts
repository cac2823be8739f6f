import type { ServerResponse } from 'node:http';
import { ResourceCollection, StoredEvent, StoredObject } from './collection';
import { Status, expired } from './errors';
import { ResourceType, apiVersionOf } from './resources';
import { ObjectFilter } from './selectors';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface VisibleEvent {
  type: WatchEventType;
  object: StoredObject;
}

/**
 * What one watcher sees of a stored change. A selector turns a change into ADDED or DELETED when
 * the object starts or stops matching, as the API server's watch cache does.
 */
export function visibleEvent(
  event: StoredEvent,
  matches: (stored: StoredObject) => boolean,
): VisibleEvent | undefined {
  const { object, previous } = event;
  switch (event.type) {
    case 'ADDED':
      return matches(object) ? { type: 'ADDED', object } : undefined;
    case 'DELETED':
      return matches(previous ?? object)
        ? { type: 'DELETED', object }
        : undefined;
    case 'MODIFIED': {
      const nowMatches = matches(object);
      const matchedBefore = previous ? matches(previous) : false;
      if (nowMatches && matchedBefore) return { type: 'MODIFIED', object };
      if (nowMatches) return { type: 'ADDED', object };
      if (matchedBefore) return { type: 'DELETED', object };
      return undefined;
    }
    default:
      return undefined;
  }
}

export interface WatchRequest {
  collection: ResourceCollection;
  type: ResourceType;
  namespace?: string;
  filter?: ObjectFilter;
  /** The `resourceVersion` query parameter: events after it; '' or '0' start with the current state. */
  resourceVersion?: string;
  sendInitialEvents: boolean;
  allowBookmarks: boolean;
  timeoutSeconds?: number;
  bookmarkIntervalMs: number;
  currentRevision: () => number;
  /** Serialises the object of an event (plain object, Table row, metadata only); `first` is the first event. */
  encodeObject: (stored: StoredObject, first: boolean) => string;
}

/** One open watch response, streaming newline-delimited JSON events. */
export class WatchSession {
  private unsubscribe: (() => void) | undefined;
  private timers: NodeJS.Timeout[] = [];
  private sentObjects = 0;
  private closed = false;

  constructor(
    private readonly response: ServerResponse,
    private readonly request: WatchRequest,
    private readonly onClose: (session: WatchSession) => void,
  ) {}

  private matches = (stored: StoredObject): boolean => {
    const { namespace, filter, type } = this.request;
    if (type.namespaced && namespace && stored.namespace !== namespace) {
      return false;
    }
    return !filter || filter(stored.object);
  };

  private write(line: string): void {
    if (!this.closed) {
      this.response.write(`${line}\n`);
    }
  }

  private send(type: WatchEventType, stored: StoredObject): void {
    const object = this.request.encodeObject(stored, this.sentObjects === 0);
    this.sentObjects++;
    this.write(`{"type":"${type}","object":${object}}`);
  }

  private sendBookmark(annotations?: Record<string, string>): void {
    const { type, currentRevision } = this.request;
    this.write(
      JSON.stringify({
        type: 'BOOKMARK',
        object: {
          kind: type.kind,
          apiVersion: apiVersionOf(type),
          metadata: {
            resourceVersion: String(currentRevision()),
            creationTimestamp: null,
            ...(annotations ? { annotations } : {}),
          },
        },
      }),
    );
  }

  private sendError(status: Status): void {
    this.write(JSON.stringify({ type: 'ERROR', object: status }));
  }

  start(): void {
    const { request, response } = this;
    response.writeHead(200, {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-cache, private',
    });
    response.flushHeaders();
    response.on('close', () => this.close());

    const startsWithState =
      request.sendInitialEvents ||
      !request.resourceVersion ||
      request.resourceVersion === '0';
    if (startsWithState) {
      const items = request.collection.list(
        request.type.namespaced ? request.namespace : undefined,
        request.filter,
      );
      for (const stored of items) this.send('ADDED', stored);
      if (request.sendInitialEvents && request.allowBookmarks) {
        this.sendBookmark({ 'k8s.io/initial-events-end': 'true' });
      }
    } else {
      const revision = Number(request.resourceVersion);
      const events = request.collection.eventsAfter(revision);
      if (!events) {
        const compacted = request.collection.compactedRevision;
        this.sendError(
          expired(`too old resource version: ${revision} (${compacted + 1})`)
            .status,
        );
        this.end();
        return;
      }
      for (const event of events) this.deliver(event);
    }
    this.unsubscribe = request.collection.subscribe(event =>
      this.deliver(event),
    );
    if (request.allowBookmarks) {
      this.timers.push(
        setInterval(() => this.sendBookmark(), request.bookmarkIntervalMs),
      );
    }
    if (request.timeoutSeconds !== undefined && request.timeoutSeconds >= 0) {
      this.timers.push(
        setTimeout(() => {
          if (request.allowBookmarks) this.sendBookmark();
          this.end();
        }, request.timeoutSeconds * 1000),
      );
    }
  }

  private deliver(event: StoredEvent): void {
    const visible = visibleEvent(event, this.matches);
    if (visible) {
      this.send(visible.type, visible.object);
    }
  }

  /** Finish the response normally, as at timeoutSeconds. */
  end(): void {
    if (!this.closed) {
      this.response.end();
    }
    this.close();
  }

  /** Kill the connection mid-stream, as a load balancer or a crashing API server would. */
  drop(): void {
    this.response.socket?.destroy();
    this.close();
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe?.();
    this.timers.forEach(timer => clearTimeout(timer));
    this.timers = [];
    this.onClose(this);
  }
}
