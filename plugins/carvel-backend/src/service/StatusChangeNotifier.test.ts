import { mockServices } from '@backstage/backend-test-utils';
import { ClusterFleet } from '../cluster/ClusterFleet';
import {
  notifyStatusChanges,
  packageSignalChannel,
} from './StatusChangeNotifier';

describe('notifyStatusChanges', () => {
  it('publishes one broadcast signal per changed package, naming the clusters', async () => {
    const fleet = new ClusterFleet({
      logger: mockServices.logger.mock(),
      requestTimeoutMs: 1000,
    });
    let listener: (
      packages: Set<string>,
      clusters: Set<string>,
    ) => void = () => {};
    jest.spyOn(fleet, 'onPackageChange').mockImplementation(l => {
      listener = l;
      return () => {};
    });
    const signals = { publish: jest.fn().mockResolvedValue(undefined) };
    notifyStatusChanges({ fleet, signals, logger: mockServices.logger.mock() });
    listener(
      new Set(['app.default.tap', 'other.default.tap']),
      new Set(['prod', 'staging']),
    );
    expect(signals.publish.mock.calls.map(([s]) => s)).toEqual([
      {
        recipients: { type: 'broadcast' },
        channel: 'carvel:package:app.default.tap',
        message: {
          packageName: 'app.default.tap',
          clusters: ['prod', 'staging'],
        },
      },
      {
        recipients: { type: 'broadcast' },
        channel: 'carvel:package:other.default.tap',
        message: {
          packageName: 'other.default.tap',
          clusters: ['prod', 'staging'],
        },
      },
    ]);
    expect(packageSignalChannel('x.y.z')).toBe('carvel:package:x.y.z');
  });
});
