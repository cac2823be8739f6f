import { mockServices } from '@backstage/backend-test-utils';
import { followClusterConfig } from './followClusterConfig';

const cluster = (name: string) => ({ name, url: `https://${name}:6443` });

describe('followClusterConfig', () => {
  it('follows configuration changes until disposed', () => {
    const config = mockServices.rootConfig({
      data: { carvel: { clusters: [cluster('a')] } },
    });
    const updates: string[][] = [];
    const fleet = { update: (c: any[]) => updates.push(c.map(x => x.name)) };
    const unfollow = followClusterConfig(
      fleet as any,
      config,
      mockServices.logger.mock(),
    );
    config.update({ data: { carvel: { clusters: [cluster('b')] } } });
    unfollow();
    config.update({ data: { carvel: { clusters: [cluster('c')] } } });
    expect(updates).toEqual([['a'], ['b']]);
  });

  it('keeps the fleet as it is when the new configuration is invalid', () => {
    const config = mockServices.rootConfig({
      data: { carvel: { clusters: [cluster('a')] } },
    });
    const logger = mockServices.logger.mock();
    const updates: string[][] = [];
    const fleet = { update: (c: any[]) => updates.push(c.map(x => x.name)) };
    followClusterConfig(fleet as any, config, logger);
    config.update({
      data: { carvel: { clusters: [cluster('a'), cluster('a')] } },
    });
    expect(updates).toEqual([['a']]);
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining("Cluster 'a' is configured more than once"),
    );
  });
});
