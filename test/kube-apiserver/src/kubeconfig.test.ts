import { parse } from 'yaml';
import { renderKubeconfig } from './kubeconfig';

describe('renderKubeconfig', () => {
  it('writes one cluster, user and context', () => {
    const config = parse(
      renderKubeconfig({
        contextName: 'staging',
        server: 'https://127.0.0.1:1234',
        caPem: 'PEM',
        token: 't0k',
        namespace: 'apps',
      }),
    );
    expect(config).toEqual({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [
        {
          name: 'staging',
          cluster: {
            server: 'https://127.0.0.1:1234',
            'certificate-authority-data': Buffer.from('PEM').toString('base64'),
          },
        },
      ],
      users: [{ name: 'staging', user: { token: 't0k' } }],
      contexts: [
        {
          name: 'staging',
          context: { cluster: 'staging', user: 'staging', namespace: 'apps' },
        },
      ],
      'current-context': 'staging',
      preferences: {},
    });
  });
});
