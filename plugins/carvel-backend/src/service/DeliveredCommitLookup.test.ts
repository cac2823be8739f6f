import type {
  DesiredRepositoryState,
  DesiredStateSource,
} from '@carvel-gitops/plugin-carvel-common';
import { fakeCluster, gitopsApp } from '../__testUtils__/fakes';
import type { SlimApp } from '../cluster/carvelResources';
import { DeliveredCommitLookup } from './DeliveredCommitLookup';

const FETCHED = '3f786850e387550fdab836ed7e6dc881de23001b';

const repository: DesiredRepositoryState = {
  repository: 'https://git.example.com/acme/gitops.git',
  branch: 'main',
  commit: FETCHED,
  packageInstalls: [
    {
      repository: 'https://git.example.com/acme/gitops.git',
      commit: FETCHED,
      committedAt: '2026-12-01T10:00:00Z',
      file: 'app.default.tap/staging/packageinstall.yaml',
      packageName: 'app.default.tap',
      cluster: 'staging',
      namespace: 'apps',
      name: 'app',
      valuesSecretNames: [],
    },
  ],
  apps: [],
  problems: [],
};

function mirror(times: Record<string, string>): DesiredStateSource {
  return {
    desiredState: () => ({ repositories: [repository] }),
    commitTime: async sha => times[sha],
    isAncestor: async () => undefined,
  };
}

/** The App delivering to staging while it reconciles the commit it just fetched. */
function reconcilingApp(): SlimApp {
  const app: SlimApp = {
    ...gitopsApp('app.default.tap-staging', 'app.default.tap', 'Reconciling'),
    fetchedCommit: FETCHED,
  };
  app.metadata.labels = { 'carvel.dev/cluster': 'staging' };
  return app;
}

describe('DeliveredCommitLookup', () => {
  const clusters = () => [fakeCluster('build', { apps: [reconcilingApp()] })];

  it('gives the commit the delivering App fetched, with its commit time', async () => {
    const lookup = new DeliveredCommitLookup({
      clusters,
      mirror: mirror({ [FETCHED]: '2026-12-01T10:00:00Z' }),
    });
    expect(await lookup.commitFor('staging', 'apps', 'app')).toEqual({
      sha: FETCHED,
      committedAt: new Date('2026-12-01T10:00:00Z'),
    });
  });

  it('gives nothing for a PackageInstall git does not declare, or a commit the mirror cannot time', async () => {
    const known = new DeliveredCommitLookup({
      clusters,
      mirror: mirror({ [FETCHED]: '2026-12-01T10:00:00Z' }),
    });
    expect(await known.commitFor('prod', 'apps', 'app')).toBeUndefined();
    expect(await known.commitFor('staging', 'apps', 'other')).toBeUndefined();
    const untimed = new DeliveredCommitLookup({ clusters, mirror: mirror({}) });
    expect(await untimed.commitFor('staging', 'apps', 'app')).toBeUndefined();
  });

  it('gives nothing without a delivering App', async () => {
    const lookup = new DeliveredCommitLookup({
      clusters: () => [fakeCluster('build')],
      mirror: mirror({ [FETCHED]: '2026-12-01T10:00:00Z' }),
    });
    expect(await lookup.commitFor('staging', 'apps', 'app')).toBeUndefined();
  });

  it('waits for the mirror to be read before attributing a state seen at start', async () => {
    let read = false;
    let finishRead = () => {};
    const unread: DesiredStateSource & { firstRead(): Promise<void> } = {
      desiredState: () => ({
        repositories: read
          ? [repository]
          : [{ ...repository, packageInstalls: [], commit: undefined }],
      }),
      commitTime: async () => '2026-12-01T10:00:00Z',
      isAncestor: async () => undefined,
      firstRead: () =>
        new Promise<void>(resolve => {
          finishRead = () => {
            read = true;
            resolve();
          };
        }),
    };
    const lookup = new DeliveredCommitLookup({ clusters, mirror: unread });
    const found = lookup.commitFor('staging', 'apps', 'app');
    await Promise.resolve();
    finishRead();
    expect(await found).toEqual({
      sha: FETCHED,
      committedAt: new Date('2026-12-01T10:00:00Z'),
    });
  });
});
