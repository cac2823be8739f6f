import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Server, createServer } from 'node:https';
import type { Socket } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { ServerContext } from './context';
import {
  apiGroup,
  apiGroupList,
  apiResourceList,
  apiVersions,
  versionInfo,
} from './discovery';
import { ApiError, badRequest, internalError, unauthorized } from './errors';
import {
  sendJson,
  sendPageNotFound,
  sendServiceUnavailable,
  sendStatus,
  sendText,
} from './http';
import { RequestCounter } from './requests';
import { handleResourceRequest, verbOf } from './resourceHandler';
import { JsonObject, qualifiedResourceOf } from './resources';
import { Route, parseRoute } from './routes';
import { SelectorParseError } from './selectors';
import { TlsIdentity } from './tls';

export interface HttpsApiServerOptions {
  context: ServerContext;
  tls: TlsIdentity;
  token: string;
  port: number;
  kubernetesVersion: string;
  requests: RequestCounter;
}

const PUBLIC_ROUTES = new Set<Route['kind']>(['version', 'health']);

/** The HTTPS front: authentication, fault gates, request counting, discovery and routing. */
export class HttpsApiServer {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private listening = false;
  private boundPort: number;

  constructor(private readonly options: HttpsApiServerOptions) {
    this.boundPort = options.port;
    this.server = createServer(
      { key: options.tls.keyPem, cert: options.tls.certPem },
      (request, response) => {
        this.handle(request, response).catch(error =>
          this.sendError(response, error),
        );
      },
    );
    // Clients keep connections alive; closing idle ones early races with their reuse.
    this.server.keepAliveTimeout = 120_000;
    this.server.headersTimeout = 121_000;
    this.server.requestTimeout = 0;
    this.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  get port(): number {
    return this.boundPort;
  }

  async listen(): Promise<void> {
    if (this.listening) return;
    await new Promise<void>((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      this.server.once('error', onError);
      this.server.listen(this.boundPort, '127.0.0.1', () => {
        this.server.off('error', onError);
        resolve();
      });
    });
    const address = this.server.address();
    if (address && typeof address === 'object') {
      this.boundPort = address.port;
    }
    this.listening = true;
  }

  /** Stops accepting connections and destroys the open ones; `listen()` resumes on the same port. */
  async stopListening(): Promise<void> {
    const closed = this.listening
      ? new Promise<void>(resolve => this.server.close(() => resolve()))
      : Promise.resolve();
    this.listening = false;
    for (const watch of [...this.options.context.watches]) watch.drop();
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  private authenticated(request: IncomingMessage, route: Route): boolean {
    const header = request.headers.authorization;
    if (header === undefined) {
      return PUBLIC_ROUTES.has(route.kind);
    }
    const expected = Buffer.from(`Bearer ${this.options.token}`);
    const given = Buffer.from(header);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private record(
    request: IncomingMessage,
    pathname: string,
    route: Route,
    query: URLSearchParams,
  ) {
    const method = request.method ?? 'GET';
    if (route.kind === 'resource') {
      const apiVersion = route.group
        ? `${route.group}/${route.version}`
        : route.version;
      const type = this.options.context.registry.find(apiVersion, route.plural);
      this.options.requests.record({
        method,
        path: pathname,
        verb: verbOf(method, route, query) ?? 'other',
        resource: type ? qualifiedResourceOf(type) : route.plural,
        namespace: route.namespace,
      });
      return;
    }
    const discovery = [
      'coreVersions',
      'groupList',
      'group',
      'resourceList',
    ].includes(route.kind);
    this.options.requests.record({
      method,
      path: pathname,
      verb: discovery ? 'discovery' : 'other',
    });
  }

  private async handle(
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    const url = new URL(request.url ?? '/', 'https://localhost');
    const route = parseRoute(url.pathname);
    this.record(request, url.pathname, route, url.searchParams);
    const { faults } = this.options.context;
    if (faults.latencyMs > 0) {
      await delay(faults.latencyMs);
    }
    if (faults.unauthorized || !this.authenticated(request, route)) {
      request.resume();
      sendStatus(response, unauthorized().status);
      return;
    }
    if (route.kind === 'resource') {
      await handleResourceRequest(
        this.options.context,
        request,
        response,
        route,
        url.searchParams,
      );
      return;
    }
    request.resume();
    this.handleNonResource(response, route);
  }

  private handleNonResource(response: ServerResponse, route: Route): void {
    const { context } = this.options;
    const servedTypes = context.registry.types.filter(type =>
      context.faults.isServed(type),
    );
    let document: JsonObject | undefined;
    switch (route.kind) {
      case 'version':
        document = versionInfo(this.options.kubernetesVersion);
        break;
      case 'health':
        sendText(response, 200, 'ok');
        return;
      case 'coreVersions':
        document = apiVersions(`127.0.0.1:${this.port}`);
        break;
      case 'groupList':
        document = apiGroupList(servedTypes);
        break;
      case 'group':
        document = apiGroup(servedTypes, route.group);
        break;
      case 'resourceList': {
        const groupVersion = route.group
          ? `${route.group}/${route.version}`
          : route.version;
        const unavailable = servedTypes.some(
          type =>
            type.group === route.group && context.faults.isUnavailable(type),
        );
        if (unavailable) {
          sendServiceUnavailable(
            response,
            context.faults.aggregatedUnavailable ?? 'status',
          );
          return;
        }
        document = apiResourceList(servedTypes, groupVersion);
        break;
      }
      default:
        break;
    }
    if (document) {
      sendJson(response, 200, document);
    } else {
      sendPageNotFound(response);
    }
  }

  private sendError(response: ServerResponse, error: unknown): void {
    if (response.headersSent) {
      response.destroy();
      return;
    }
    if (error instanceof ApiError) {
      sendStatus(response, error.status);
    } else if (error instanceof SelectorParseError) {
      sendStatus(response, badRequest(error.message).status);
    } else {
      sendStatus(
        response,
        internalError(String((error as Error)?.message ?? error)).status,
      );
    }
  }
}
