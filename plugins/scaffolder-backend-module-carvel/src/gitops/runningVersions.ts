import type {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import type {
  CarvelStatus,
  ClusterError,
  PackageInstallLocation,
  PackageInstallLocationResponse,
} from '@carvel-gitops/plugin-carvel-common';

/** What runs where: the PackageInstalls of a package, as the carvel backend sees them for a user. */
export interface RunningVersions {
  listInstalls(options: {
    packageName: string;
    credentials: BackstageCredentials;
    signal?: AbortSignal;
  }): Promise<PackageInstallLocationResponse>;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
const MAX_ITEMS = 50_000;
const MAX_FIELD_LENGTH = 4096;

function malformed(what: string): Error {
  return new Error(
    `The carvel backend answered GET /packages/:packageName/installs with ${what}`,
  );
}

function boundedString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= MAX_FIELD_LENGTH
    ? value
    : undefined;
}

function readLocation(value: any): PackageInstallLocation {
  const cluster = boundedString(value?.cluster);
  const namespace = boundedString(value?.namespace);
  const name = boundedString(value?.name);
  const packageName = boundedString(value?.packageName);
  const status = boundedString(value?.status);
  if (!cluster || !namespace || !name || !packageName || !status) {
    throw malformed(
      'an item without cluster, namespace, name, packageName or status',
    );
  }
  return {
    cluster,
    namespace,
    name,
    packageName,
    status: status as CarvelStatus,
    constraints: boundedString(value.constraints),
    version: boundedString(value.version),
    lastAttemptedVersion: boundedString(value.lastAttemptedVersion),
    updatedAt: boundedString(value.updatedAt),
    ...(value.stale === true ? { stale: true } : {}),
  };
}

function readClusterError(value: any): {
  cluster: string;
  error: ClusterError;
} {
  const cluster = boundedString(value?.cluster);
  if (!cluster) throw malformed('a cluster error without cluster');
  return {
    cluster,
    error: {
      type: (boundedString(value.error?.type) ??
        'unknown') as ClusterError['type'],
      message: boundedString(value.error?.message) ?? '',
    },
  };
}

function readTruncation(value: any): { cluster: string; omitted: number } {
  const cluster = boundedString(value?.cluster);
  if (!cluster || !Number.isSafeInteger(value.omitted)) {
    throw malformed('a truncation without cluster or count');
  }
  return { cluster, omitted: value.omitted };
}

/** Parses the answer into our own types, bounded in count and field length. */
export function readInstallLocations(
  body: unknown,
): PackageInstallLocationResponse {
  const { items, clusterErrors } = (body ?? {}) as Record<string, unknown>;
  if (!Array.isArray(items)) throw malformed('no items list');
  if (items.length > MAX_ITEMS) throw malformed(`more than ${MAX_ITEMS} items`);
  const errors = clusterErrors ?? [];
  if (!Array.isArray(errors) || errors.length > MAX_ITEMS) {
    throw malformed('a clusterErrors field that is not a bounded list');
  }
  const truncated = (body as { truncated?: unknown }).truncated;
  if (
    truncated !== undefined &&
    (!Array.isArray(truncated) || truncated.length > MAX_ITEMS)
  ) {
    throw malformed('a truncated field that is not a bounded list');
  }
  return {
    items: items.map(readLocation),
    clusterErrors: errors.map(readClusterError),
    ...(truncated ? { truncated: truncated.map(readTruncation) } : {}),
  };
}

async function readBounded(
  response: Response,
  maxBytes: number,
): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw malformed(`${declared} bytes; at most ${maxBytes} are read`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      throw malformed(
        `more than ${maxBytes} bytes; at most ${maxBytes} are read`,
      );
    }
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Asks the carvel backend (`GET /api/carvel/packages/:packageName/installs`) on behalf of the task's initiator. */
export class RunningVersionsClient implements RunningVersions {
  private readonly discovery: DiscoveryService;
  private readonly auth: AuthService;
  private readonly timeoutMs: number;
  private readonly maxResponseBytes: number;

  constructor(options: {
    discovery: DiscoveryService;
    auth: AuthService;
    timeoutMs?: number;
    maxResponseBytes?: number;
  }) {
    this.discovery = options.discovery;
    this.auth = options.auth;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxResponseBytes =
      options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  }

  async listInstalls(options: {
    packageName: string;
    credentials: BackstageCredentials;
    signal?: AbortSignal;
  }): Promise<PackageInstallLocationResponse> {
    const { token } = await this.auth.getPluginRequestToken({
      onBehalfOf: options.credentials,
      targetPluginId: 'carvel',
    });
    const baseUrl = await this.discovery.getBaseUrl('carvel');
    const url = `${baseUrl}/packages/${encodeURIComponent(
      options.packageName,
    )}/installs`;
    const signals = [AbortSignal.timeout(this.timeoutMs)];
    if (options.signal) signals.push(options.signal);
    let response: Response;
    try {
      response = await fetch(url, {
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
        },
        redirect: 'error',
        signal: AbortSignal.any(signals),
      });
    } catch (error) {
      const reason =
        (error as Error).name === 'TimeoutError'
          ? `no answer within ${this.timeoutMs / 1000} s`
          : (error as Error).message;
      throw new Error(
        `Could not ask the carvel backend what runs where: ${reason}`,
      );
    }
    if (response.status === 404) {
      await response.body?.cancel();
      throw new NotFoundError(
        `The carvel backend knows no PackageInstall of '${options.packageName}' on any cluster`,
      );
    }
    if (response.status === 401 || response.status === 403) {
      await response.body?.cancel();
      throw new NotAllowedError(
        `You may not read which versions run on the clusters (the carvel backend answered ${response.status}; it needs carvel.clusters.read)`,
      );
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(
        `The carvel backend answered ${response.status} ${response.statusText} when asked what runs where`,
      );
    }
    const text = await readBounded(response, this.maxResponseBytes);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw malformed('a body that is not JSON');
    }
    return readInstallLocations(body);
  }
}
