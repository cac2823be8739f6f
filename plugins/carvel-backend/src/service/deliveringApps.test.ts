import { fakeCluster, gitopsApp } from '../__testUtils__/fakes';
import type { SlimApp } from '../cluster/carvelResources';
import { indexDeliveringApps } from './deliveringApps';
import { DeployedCommitMemory } from './DeployedCommitMemory';

const SHA = '3f786850e387550fdab836ed7e6dc881de23001b';

function app(name: string, target?: string, deployed?: string): SlimApp {
  const slim: SlimApp = {
    ...gitopsApp(name, 'app.default.tap'),
    fetchedCommit: deployed,
  };
  slim.metadata.labels = target ? { 'carvel.dev/cluster': target } : {};
  slim.status = {
    ...slim.status,
    fetch: { exitCode: 0 },
    deploy: { exitCode: 0, finished: true },
  };
  return slim;
}

describe('indexDeliveringApps', () => {
  it('finds the App delivering a package to a run cluster, on whichever cluster it lives', () => {
    const index = indexDeliveringApps(
      [
        fakeCluster('staging'),
        fakeCluster('build', { apps: [app('a-staging', 'staging', SHA)] }),
      ],
      ['app.default.tap'],
      [],
    );
    expect(index.find('app.default.tap', 'staging')).toEqual({
      cluster: 'build',
      namespace: 'gitops-delivery',
      name: 'a-staging',
      packageName: 'app.default.tap',
      targetCluster: 'staging',
      fetchedCommit: SHA,
      deployedCommit: SHA,
    });
    expect(index.find('app.default.tap', 'prod')).toBeUndefined();
    expect(index.find('other.default.tap', 'staging')).toBeUndefined();
  });

  it('prefers an App that proved a deployed commit over one that did not', () => {
    const index = indexDeliveringApps(
      [
        fakeCluster('build-1', { apps: [app('new', 'staging')] }),
        fakeCluster('build-2', { apps: [app('old', 'staging', SHA)] }),
      ],
      ['app.default.tap'],
      [],
    );
    expect(index.find('app.default.tap', 'staging')?.name).toBe('old');
  });

  it('skips Apps kapp-controller made for a PackageInstall and Apps with no known target', () => {
    const owned = { ...app('app', 'staging', SHA), ownerPackageInstall: 'app' };
    const index = indexDeliveringApps(
      [fakeCluster('staging', { apps: [owned, app('unplaced')] })],
      ['app.default.tap'],
      [],
    );
    expect(index.find('app.default.tap', 'staging')).toBeUndefined();
  });

  it('keeps the commit an App deployed before a reconcile that failed', () => {
    const memory = new DeployedCommitMemory();
    const index = (deployed?: string) =>
      indexDeliveringApps(
        [
          fakeCluster('build', {
            apps: [app('a-staging', 'staging', deployed)],
          }),
        ],
        ['app.default.tap'],
        [],
        memory,
      ).find('app.default.tap', 'staging');
    expect(index(SHA)?.deployedCommit).toBe(SHA);
    const failed = index(undefined);
    expect(failed?.deployedCommit).toBe(SHA);
    expect(failed?.fetchedCommit).toBeUndefined();
  });
});
