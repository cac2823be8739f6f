import { NotAllowedError, ResponseError } from '@backstage/errors';
import { isNotAllowedError } from './isNotAllowedError';

function jsonResponse(status: number, statusText: string, name: string) {
  return new Response(
    JSON.stringify({
      error: { name, message: 'no' },
      request: { method: 'GET', url: '/status/default/component/app' },
      response: { statusCode: status },
    }),
    { status, statusText, headers: { 'Content-Type': 'application/json' } },
  );
}

describe('isNotAllowedError', () => {
  it('recognises the backend 403 as a ResponseError', async () => {
    const error = await ResponseError.fromResponse(
      jsonResponse(403, 'Forbidden', 'NotAllowedError'),
    );
    expect(isNotAllowedError(error)).toBe(true);
  });

  it('recognises a NotAllowedError', () => {
    expect(isNotAllowedError(new NotAllowedError('no'))).toBe(true);
  });

  it('leaves other failures alone', async () => {
    const error = await ResponseError.fromResponse(
      jsonResponse(404, 'Not Found', 'NotFoundError'),
    );
    expect(isNotAllowedError(error)).toBe(false);
    expect(isNotAllowedError(new Error('Service Unavailable'))).toBe(false);
    expect(isNotAllowedError(undefined)).toBe(false);
  });
});
