import { ApiError } from './errors';
import { decodeContinueToken, encodeContinueToken } from './paging';

describe('continue tokens', () => {
  it('round-trips revision and start key', () => {
    const token = encodeContinueToken({
      revision: 42,
      startAfter: 'apps/pkgi-0007',
    });
    expect(decodeContinueToken(token)).toEqual({
      revision: 42,
      startAfter: 'apps/pkgi-0007',
    });
  });

  it('uses the API server token layout', () => {
    const token = encodeContinueToken({ revision: 7, startAfter: 'ns/a' });
    expect(JSON.parse(Buffer.from(token, 'base64url').toString())).toEqual({
      v: 'meta.k8s.io/v1',
      rv: 7,
      start: 'ns/a\u0000',
    });
  });

  it.each([
    'not-base64-json',
    Buffer.from('{"v":"x","rv":1,"start":"a\\u0000"}').toString('base64url'),
    Buffer.from('{"v":"meta.k8s.io/v1","rv":0,"start":"a\\u0000"}').toString(
      'base64url',
    ),
  ])('rejects %p with 400', token => {
    const thrown = (() => {
      try {
        return decodeContinueToken(token);
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(ApiError);
    expect((thrown as ApiError).status).toMatchObject({
      code: 400,
      reason: 'BadRequest',
    });
  });
});
