import { FieldError, ResourceType, qualifiedResourceOf } from './resources';

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: Array<{ reason: string; message: string; field: string }>;
  retryAfterSeconds?: number;
}

/** The `Status` body a real API server sends with every error response. */
export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: { continue?: string };
  status: 'Failure' | 'Success';
  message?: string;
  reason?: string;
  details?: StatusDetails;
  code: number;
}

export class ApiError extends Error {
  constructor(readonly status: Status) {
    super(status.message);
    this.name = 'ApiError';
  }

  get code(): number {
    return this.status.code;
  }
}

export function failureStatus(
  code: number,
  reason: string,
  message: string,
  details?: StatusDetails,
): Status {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  };
}

function failure(
  code: number,
  reason: string,
  message: string,
  details?: StatusDetails,
): ApiError {
  return new ApiError(failureStatus(code, reason, message, details));
}

function resourceDetails(type: ResourceType, name?: string): StatusDetails {
  return {
    ...(name !== undefined ? { name } : {}),
    ...(type.group ? { group: type.group } : {}),
    kind: type.plural,
  };
}

export function notFound(type: ResourceType, name: string): ApiError {
  return failure(
    404,
    'NotFound',
    `${qualifiedResourceOf(type)} "${name}" not found`,
    resourceDetails(type, name),
  );
}

export function alreadyExists(type: ResourceType, name: string): ApiError {
  return failure(
    409,
    'AlreadyExists',
    `${qualifiedResourceOf(type)} "${name}" already exists`,
    resourceDetails(type, name),
  );
}

export function conflict(
  type: ResourceType,
  name: string,
  reason = 'the object has been modified; please apply your changes to the latest version and try again',
): ApiError {
  return failure(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualifiedResourceOf(
      type,
    )} "${name}": ${reason}`,
    resourceDetails(type, name),
  );
}

export function unauthorized(): ApiError {
  return failure(401, 'Unauthorized', 'Unauthorized');
}

export function forbidden(options: {
  type: ResourceType;
  user: string;
  verb: string;
  namespace?: string;
  name?: string;
}): ApiError {
  const { type, user, verb, namespace, name } = options;
  const subject =
    name !== undefined
      ? `${qualifiedResourceOf(type)} "${name}"`
      : qualifiedResourceOf(type);
  const scope = namespace
    ? `in the namespace "${namespace}"`
    : 'at the cluster scope';
  return failure(
    403,
    'Forbidden',
    `${subject} is forbidden: User "${user}" cannot ${verb} resource "${type.plural}" in API group "${type.group}" ${scope}`,
    resourceDetails(type, name),
  );
}

export function expired(message: string): ApiError {
  return failure(410, 'Expired', message);
}

export function serviceUnavailable(
  message = 'the server is currently unable to handle the request',
): ApiError {
  return failure(503, 'ServiceUnavailable', message);
}

export function badRequest(message: string): ApiError {
  return failure(400, 'BadRequest', message);
}

export function methodNotAllowed(): ApiError {
  return failure(
    405,
    'MethodNotAllowed',
    'the server does not allow this method on the requested resource',
  );
}

export function unsupportedMediaType(contentType: string): ApiError {
  return failure(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json (got ${contentType})`,
  );
}

export function notAcceptable(): ApiError {
  return failure(
    406,
    'NotAcceptable',
    'only the following media types are accepted: application/json',
  );
}

export function internalError(message: string): ApiError {
  return failure(500, 'InternalError', `Internal error occurred: ${message}`);
}

export function tooLargeResourceVersion(
  requested: number,
  current: number,
): ApiError {
  return failure(
    504,
    'Timeout',
    `Too large resource version: ${requested}, current: ${current}`,
    {
      causes: [
        {
          reason: 'ResourceVersionTooLarge',
          message: 'Too large resource version',
          field: '',
        },
      ],
      retryAfterSeconds: 1,
    },
  );
}

export function invalid(
  type: ResourceType,
  name: string,
  errors: FieldError[],
): ApiError {
  const describe = (error: FieldError) =>
    `${error.field}: Invalid value: ${JSON.stringify(error.value)}: ${
      error.message
    }`;
  const summary =
    errors.length === 1
      ? describe(errors[0])
      : `[${errors.map(describe).join(', ')}]`;
  const groupKind = type.group ? `${type.kind}.${type.group}` : type.kind;
  return failure(
    422,
    'Invalid',
    `${groupKind} "${name}" is invalid: ${summary}`,
    {
      name,
      ...(type.group ? { group: type.group } : {}),
      kind: type.kind,
      causes: errors.map(error => ({
        reason: 'FieldValueInvalid',
        message: `Invalid value: ${JSON.stringify(error.value)}: ${
          error.message
        }`,
        field: error.field,
      })),
    },
  );
}
