import { ApiException } from '@kubernetes/client-node';
import {
  classifyClusterError,
  ClusterRequestTimeoutError,
} from './classifyClusterError';

const status = (code: number, message: string) =>
  new ApiException(
    code,
    'HTTP error',
    JSON.stringify({ kind: 'Status', code, message }),
    {},
  );

describe('classifyClusterError', () => {
  it.each([
    [status(401, 'Unauthorized'), 'unauthorized', 'Unauthorized'],
    [
      status(
        403,
        'packageinstalls.packaging.carvel.dev is forbidden: User "x" cannot list',
      ),
      'forbidden',
      'packageinstalls.packaging.carvel.dev is forbidden: User "x" cannot list',
    ],
    [
      status(404, 'the server could not find the requested resource'),
      'crd-missing',
      'the server could not find the requested resource',
    ],
    [
      status(503, 'the server is currently unable to handle the request'),
      'crd-missing',
      'the server is currently unable to handle the request',
    ],
    [
      new ApiException(404, 'x', '', {}),
      'crd-missing',
      'packageinstalls are not served by this cluster (is kapp-controller installed?)',
    ],
    [status(500, 'etcd is sad'), 'unknown', 'etcd is sad'],
    [
      Object.assign(new Error('Forbidden'), { statusCode: 403 }),
      'forbidden',
      'not allowed to list packageinstalls',
    ],
    [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
        code: 'ECONNREFUSED',
      }),
      'unreachable',
      'connect ECONNREFUSED 127.0.0.1:1',
    ],
    [
      Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.invalid'), {
        code: 'ENOTFOUND',
      }),
      'unreachable',
      'getaddrinfo ENOTFOUND nowhere.invalid',
    ],
    [
      Object.assign(new Error('self-signed certificate in certificate chain'), {
        code: 'SELF_SIGNED_CERT_IN_CHAIN',
      }),
      'unreachable',
      'self-signed certificate in certificate chain',
    ],
    [
      Object.assign(new Error('request failed'), {
        cause: { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' },
      }),
      'unreachable',
      'request failed',
    ],
    [
      new ClusterRequestTimeoutError(5000),
      'timeout',
      'no answer from the cluster within 5 s',
    ],
    [
      Object.assign(new Error('The operation was aborted.'), {
        name: 'AbortError',
      }),
      'timeout',
      'The operation was aborted.',
    ],
    [new Error('something odd'), 'unknown', 'something odd'],
    ['a string', 'unknown', 'a string'],
  ])('%#: classifies as %s', (error, type, message) => {
    expect(classifyClusterError(error, 'packageinstalls')).toEqual({
      type,
      message,
      resource: 'packageinstalls',
    });
  });
});
