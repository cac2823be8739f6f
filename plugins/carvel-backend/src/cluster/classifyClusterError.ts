import type {
  ClusterError,
  ClusterErrorType,
} from '@carvel-gitops/plugin-carvel-common';

/** Thrown by our own request deadline, so it is told apart from other aborts. */
export class ClusterRequestTimeoutError extends Error {
  constructor(readonly timeoutMs: number, message?: string) {
    super(message ?? `no answer from the cluster within ${timeoutMs / 1000} s`);
    this.name = 'ClusterRequestTimeoutError';
  }
}

const NETWORK_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
]);

const TLS_ERROR_CODE =
  /CERT|SELF_SIGNED|TLS|SSL|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/;

function statusCodeOf(error: any): number | undefined {
  const code = error?.code ?? error?.statusCode ?? error?.response?.statusCode;
  return typeof code === 'number' ? code : undefined;
}

/** The `message` of a Kubernetes `Status` body, if the error carries one. */
function statusMessageOf(error: any): string | undefined {
  let body = error?.body;
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body);
    } catch {
      return body.trim() || undefined;
    }
  }
  return typeof body?.message === 'string' ? body.message : undefined;
}

function byStatusCode(code: number): ClusterErrorType {
  if (code === 401) return 'unauthorized';
  if (code === 403) return 'forbidden';
  // 404: the CRD is not installed; 503: kapp-controller's aggregated API server is down.
  if (code === 404 || code === 503) return 'crd-missing';
  if (code === 504) return 'timeout';
  return 'unknown';
}

function describe(
  type: ClusterErrorType,
  code: number | undefined,
  resource: string,
): string {
  switch (type) {
    case 'crd-missing':
      return code === 503
        ? `the aggregated API serving ${resource} is unavailable (is kapp-controller running?)`
        : `${resource} are not served by this cluster (is kapp-controller installed?)`;
    case 'unauthorized':
      return 'the cluster rejected the credentials';
    case 'forbidden':
      return `not allowed to list ${resource}`;
    default:
      return `request for ${resource} failed${
        code ? ` with HTTP ${code}` : ''
      }`;
  }
}

/** Maps anything a request to a cluster can throw to one of the contract's error types, keeping the cluster's own message. */
export function classifyClusterError(
  error: unknown,
  resource: string,
): ClusterError {
  const anyError = error as any;
  if (error instanceof ClusterRequestTimeoutError) {
    return { type: 'timeout', message: error.message, resource };
  }
  const code = statusCodeOf(anyError);
  if (code !== undefined && code >= 400) {
    const type = byStatusCode(code);
    return {
      type,
      message: statusMessageOf(anyError) ?? describe(type, code, resource),
      resource,
    };
  }
  const systemCode = String(
    anyError?.code ?? anyError?.errno ?? anyError?.cause?.code ?? '',
  );
  const message = String(anyError?.message ?? error);
  if (NETWORK_ERROR_CODES.has(systemCode) || TLS_ERROR_CODE.test(systemCode)) {
    return { type: 'unreachable', message, resource };
  }
  if (anyError?.name === 'AbortError' || anyError?.type === 'request-timeout') {
    return { type: 'timeout', message, resource };
  }
  return { type: 'unknown', message, resource };
}
