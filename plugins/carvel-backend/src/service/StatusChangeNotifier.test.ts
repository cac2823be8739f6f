import { mockServices } from '@backstage/backend-test-utils';
import { ClusterFleet } from '../cluster/ClusterFleet';
import type { DesiredRepositoryState } from '@carvel-gitops/plugin-carvel-common';
import {
  notifyGitopsChanges,
  notifyStatusChanges,
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
  });
});

describe('notifyGitopsChanges', () => {
  it('signals every package the repository declares when it changed, with the clusters git names', () => {
    const declared = (packageName: string, cluster: string) => ({
      repository: 'r',
      commit: 'c',
      committedAt: 't',
      file: `${packageName}/${cluster}/packageinstall.yaml`,
      packageName,
      cluster,
      namespace: 'apps',
      name: 'app',
      valuesSecretNames: [],
    });
    const repository: DesiredRepositoryState = {
      repository: 'r',
      branch: 'main',
      commit: 'c',
      packageInstalls: [
        declared('app.default.tap', 'staging'),
        declared('app.default.tap', 'prod'),
        declared('catalog.default.tap', 'staging'),
      ],
      apps: [
        {
          repository: 'r',
          commit: 'c',
          file: 'app.default.tap/apps/qa.yaml',
          namespace: 'gitops',
          name: 'app-qa',
          packageName: 'app.default.tap',
          targetCluster: 'qa',
        },
      ],
      problems: [],
    };
    let changed = () => {};
    const unsubscribe = jest.fn();
    const mirror = {
      desiredState: () => ({ repositories: [repository] }),
      commitTime: async () => undefined,
      isAncestor: async () => undefined,
      onChange: (listener: () => void) => {
        changed = listener;
        return unsubscribe;
      },
    };
    const signals = { publish: jest.fn().mockResolvedValue(undefined) };
    const stop = notifyGitopsChanges({
      mirror,
      signals,
      logger: mockServices.logger.mock(),
    });
    expect(signals.publish).not.toHaveBeenCalled();
    changed();
    expect(signals.publish.mock.calls.map(([s]) => s.message)).toEqual([
      { packageName: 'app.default.tap', clusters: ['prod', 'qa', 'staging'] },
      { packageName: 'catalog.default.tap', clusters: ['staging'] },
    ]);
    stop();
    expect(unsubscribe).toHaveBeenCalled();
  });
});
