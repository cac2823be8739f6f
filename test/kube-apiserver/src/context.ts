import type { IncomingMessage, ServerResponse } from 'node:http';
import { FaultState } from './faults';
import { ResourceRegistry, ResourceType } from './resources';
import { ObjectStore } from './store';

/** An open watch response, normal or hostile. */
export interface OpenWatch {
  /** Kill the connection mid-stream. */
  drop(): void;
  /** Finish the response normally. */
  end(): void;
}

/** Everything a request handler needs from the server it runs in. */
export interface ServerContext {
  store: ObjectStore;
  registry: ResourceRegistry;
  faults: FaultState;
  watches: Set<OpenWatch>;
  userName: string;
  /** kapp-controller's packaging global namespace; undefined turns the global merge off. */
  packagingGlobalNamespace?: string;
  bookmarkIntervalMs: number;
  now: () => number;
}

/** One request for a resource, after routing. */
export interface ResourceRequest {
  context: ServerContext;
  request: IncomingMessage;
  response: ServerResponse;
  query: URLSearchParams;
  type: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: 'status';
}
