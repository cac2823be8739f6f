import { mockServices } from '@backstage/backend-test-utils';
import { ClusterFleet } from './ClusterFleet';

describe('ClusterFleet', () => {
  it('starts, restarts and stops watchers as the configuration changes', () => {
    const fleet = new ClusterFleet({
      logger: mockServices.logger.mock(),
      requestTimeoutMs: 1000,
    });
    // Port 1 refuses connections at once; only the bookkeeping matters here.
    fleet.update([
      { name: 'a', url: 'https://127.0.0.1:1' },
      { name: 'b', url: 'https://127.0.0.1:1' },
    ]);
    const [a, b] = fleet.clusters();
    expect(fleet.clusters().map(c => c.name)).toEqual(['a', 'b']);
    fleet.update([
      { name: 'a', url: 'https://127.0.0.1:1' },
      { name: 'b', url: 'https://127.0.0.1:2' },
      { name: 'c', url: 'https://127.0.0.1:1' },
    ]);
    expect(fleet.clusters().map(c => c.name)).toEqual(['a', 'b', 'c']);
    expect(fleet.clusters()[0]).toBe(a);
    expect(fleet.clusters()[1]).not.toBe(b);
    fleet.update([]);
    expect(fleet.clusters()).toEqual([]);
    fleet.stop();
  });

  it('reports a misconfigured cluster as an error without throwing', () => {
    const fleet = new ClusterFleet({
      logger: mockServices.logger.mock(),
      requestTimeoutMs: 1000,
    });
    fleet.update([{ name: 'broken', kubeconfig: '/nonexistent/kubeconfig' }]);
    const [broken] = fleet.clusters();
    expect(broken.state).toBe('error');
    expect(broken.error).toMatchObject({
      type: 'unknown',
      message: expect.stringContaining('/nonexistent/kubeconfig'),
    });
    fleet.stop();
  });
});
