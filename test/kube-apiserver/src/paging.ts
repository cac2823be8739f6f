import { badRequest } from './errors';

/** Where the next page starts and which snapshot it belongs to; opaque to clients. */
export interface ContinueToken {
  revision: number;
  startAfter: string;
}

/** Same shape as the API server's token: base64url of `{"v":"meta.k8s.io/v1","rv":N,"start":"<key>\u0000"}`. */
export function encodeContinueToken(token: ContinueToken): string {
  return Buffer.from(
    JSON.stringify({
      v: 'meta.k8s.io/v1',
      rv: token.revision,
      start: `${token.startAfter}\u0000`,
    }),
  ).toString('base64url');
}

export function decodeContinueToken(text: string): ContinueToken {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw badRequest(
      'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
    );
  }
  const fields = parsed as { v?: unknown; rv?: unknown; start?: unknown };
  if (
    fields?.v !== 'meta.k8s.io/v1' ||
    typeof fields.rv !== 'number' ||
    !Number.isInteger(fields.rv) ||
    fields.rv < 1 ||
    typeof fields.start !== 'string' ||
    !fields.start.endsWith('\u0000')
  ) {
    throw badRequest(
      'continue key is not valid: server does not recognize this encoded version',
    );
  }
  return { revision: fields.rv, startAfter: fields.start.slice(0, -1) };
}
