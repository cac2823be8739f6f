import type { DeploymentTransition } from './DeploymentHistoryStore';
import { deploymentsOf, summariseDeployments } from './deploymentFigures';

let sequence = 0;
const transition = (
  overrides: Partial<DeploymentTransition>,
): DeploymentTransition => {
  sequence += 1;
  return {
    cluster: 'prod',
    namespace: 'apps',
    name: 'app',
    packageName: 'app.default.tap',
    toVersion: '1.0.0',
    status: 'succeeded',
    at: new Date(Date.UTC(2026, 10, 1, 0, sequence)),
    transitionId: `t${sequence}`,
    ...overrides,
  };
};

describe('deploymentsOf', () => {
  it('counts the first install and each change to a new succeeded version', () => {
    const first = transition({ toVersion: '1.0.0' });
    const second = transition({ fromVersion: '1.0.0', toVersion: '1.1.0' });
    expect(deploymentsOf([first, second])).toEqual([first, second]);
  });

  it('does not count failures, nor a retry of the version that failed when it had run before', () => {
    const failed = transition({
      fromVersion: '1.0.0',
      toVersion: '1.1.0',
      status: 'failed',
    });
    const backOnOld = transition({ fromVersion: '1.1.0', toVersion: '1.0.0' });
    expect(deploymentsOf([failed, backOnOld])).toEqual([]);
  });

  it('counts a version that succeeds after failing first', () => {
    const failed = transition({
      fromVersion: '1.0.0',
      toVersion: '1.1.0',
      status: 'failed',
    });
    const fixed = transition({ fromVersion: '1.1.0', toVersion: '1.1.0' });
    expect(deploymentsOf([failed, fixed])).toEqual([fixed]);
  });

  it('does not count a success without a version', () => {
    expect(deploymentsOf([transition({ toVersion: undefined })])).toEqual([]);
  });
});

describe('summariseDeployments', () => {
  it('gives each cluster its deployments and their median lead time, by cluster name', () => {
    const newestFirst = [
      transition({ cluster: 'staging', toVersion: '1.0.0', status: 'failed' }),
      transition({ toVersion: '1.0.0', leadTimeSeconds: 40 }),
      transition({
        fromVersion: '1.0.0',
        toVersion: '1.1.0',
        leadTimeSeconds: 180,
      }),
      transition({ fromVersion: '1.1.0', toVersion: '1.2.0' }),
      transition({
        fromVersion: '1.2.0',
        toVersion: '1.3.0',
        leadTimeSeconds: 100,
      }),
    ].reverse();
    expect(summariseDeployments(newestFirst)).toEqual([
      { cluster: 'prod', medianLeadTimeSeconds: 100, deploymentsLast30Days: 4 },
      { cluster: 'staging', deploymentsLast30Days: 0 },
    ]);
  });

  it('takes the mean of the two middle lead times of an even count, rounded', () => {
    const newestFirst = [
      transition({ toVersion: '1.0.0', leadTimeSeconds: 10 }),
      transition({
        fromVersion: '1.0.0',
        toVersion: '1.1.0',
        leadTimeSeconds: 25,
      }),
    ].reverse();
    expect(summariseDeployments(newestFirst)).toEqual([
      { cluster: 'prod', medianLeadTimeSeconds: 18, deploymentsLast30Days: 2 },
    ]);
  });

  it('follows each PackageInstall on its own', () => {
    const newestFirst = [
      transition({ name: 'a', toVersion: '1.0.0' }),
      transition({ name: 'b', toVersion: '1.0.0' }),
      transition({ namespace: 'other', name: 'a', toVersion: '1.0.0' }),
      transition({ name: 'a', fromVersion: '1.0.0', toVersion: '1.0.0' }),
    ].reverse();
    expect(summariseDeployments(newestFirst)).toEqual([
      { cluster: 'prod', deploymentsLast30Days: 3 },
    ]);
  });

  it('answers no clusters for no transitions', () => {
    expect(summariseDeployments([])).toEqual([]);
  });
});
