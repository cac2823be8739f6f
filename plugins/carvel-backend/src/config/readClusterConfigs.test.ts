import { ConfigReader } from '@backstage/config';
import { readClusterConfigs } from './readClusterConfigs';

describe('readClusterConfigs', () => {
  it('reads carvel.clusters', () => {
    expect(
      readClusterConfigs(
        new ConfigReader({
          carvel: {
            clusters: [
              {
                name: 'staging',
                url: 'https://s:6443',
                serviceAccountToken: 't',
                caData: 'Y2E=',
              },
            ],
          },
        }),
      ),
    ).toEqual([
      expect.objectContaining({
        name: 'staging',
        url: 'https://s:6443',
        serviceAccountToken: 't',
        caData: 'Y2E=',
      }),
    ]);
  });

  it('falls back to the config entries of kubernetes.clusterLocatorMethods', () => {
    const clusters = readClusterConfigs(
      new ConfigReader({
        kubernetes: {
          clusterLocatorMethods: [
            { type: 'catalog' },
            {
              type: 'config',
              clusters: [
                {
                  name: 'prod',
                  url: 'https://p',
                  authProvider: 'serviceAccount',
                  skipTLSVerify: true,
                },
              ],
            },
          ],
        },
      }),
    );
    expect(clusters).toEqual([
      expect.objectContaining({
        name: 'prod',
        url: 'https://p',
        skipTLSVerify: true,
      }),
    ]);
  });

  it('prefers carvel.clusters over the kubernetes config', () => {
    const clusters = readClusterConfigs(
      new ConfigReader({
        carvel: { clusters: [{ name: 'a', url: 'https://a' }] },
        kubernetes: {
          clusterLocatorMethods: [
            { type: 'config', clusters: [{ name: 'b', url: 'https://b' }] },
          ],
        },
      }),
    );
    expect(clusters.map(c => c.name)).toEqual(['a']);
  });

  it('returns no clusters when nothing is configured', () => {
    expect(readClusterConfigs(new ConfigReader({}))).toEqual([]);
  });

  it.each([
    [
      {
        carvel: {
          clusters: [
            { name: 'a', url: 'https://a' },
            { name: 'a', url: 'https://b' },
          ],
        },
      },
      /configured more than once/,
    ],
    [
      { carvel: { clusters: [{ name: 'a' }] } },
      /needs either url or kubeconfig/,
    ],
    [
      {
        carvel: { clusters: [{ name: 'a', url: 'https://sa:s3cr3t@a:6443' }] },
      },
      /Cluster 'a': url must not carry credentials/,
    ],
    [
      { carvel: { clusters: [{ name: 'a', url: 'not a url s3cr3t' }] } },
      /Cluster 'a': url is not a valid URL$/,
    ],
    [
      { carvel: { clusters: [{ name: 'a', url: 'file:///s3cr3t' }] } },
      /Cluster 'a': url must start with https:\/\//,
    ],
  ])('refuses %j', (data, message) => {
    expect(() => readClusterConfigs(new ConfigReader(data))).toThrow(message);
  });

  it('never repeats a configured value in its errors', () => {
    const error = (() => {
      try {
        readClusterConfigs(
          new ConfigReader({
            carvel: {
              clusters: [
                {
                  name: 'a',
                  url: 'https://sa:s3cr3t@a',
                  serviceAccountToken: 1,
                },
              ],
            },
          }),
        );
      } catch (e) {
        return e as Error;
      }
      throw new Error('expected an error');
    })();
    expect(error.message).toMatch(/serviceAccountToken/);
    expect(error.message).not.toContain('s3cr3t');
  });
});
