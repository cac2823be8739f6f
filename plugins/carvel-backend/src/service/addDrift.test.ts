import type {
  DesiredPackageInstall,
  DesiredRepositoryState,
  DesiredStateSource,
} from '@carvel-gitops/plugin-carvel-common';
import { fakeCluster, gitopsApp, packageInstall } from '../__testUtils__/fakes';
import type { SlimApp } from '../cluster/carvelResources';
import { addDrift } from './addDrift';
import { buildClusterState, type ClusterView } from './buildClusterState';

const HEAD = '3f786850e387550fdab836ed7e6dc881de23001b';
const OLDER = '89e6c98d92887913cadf06b2adb97f26cde4849b';
const packageNames = ['app.default.tap'];

const desiredInstall = (
  cluster: string,
  overrides: Partial<DesiredPackageInstall> = {},
): DesiredPackageInstall => ({
  repository: 'https://git.example.com/acme/gitops.git',
  commit: HEAD,
  committedAt: '2026-12-01T10:00:00Z',
  file: `app.default.tap/${cluster}/packageinstall.yaml`,
  packageName: 'app.default.tap',
  cluster,
  namespace: 'apps',
  name: 'app',
  constraints: '>=0.0.0',
  valuesSecretNames: [],
  ...overrides,
});

function repository(
  overrides: Partial<DesiredRepositoryState> = {},
): DesiredRepositoryState {
  return {
    repository: 'https://git.example.com/acme/gitops.git',
    branch: 'main',
    commit: HEAD,
    committedAt: '2026-12-01T10:00:00Z',
    packageInstalls: [desiredInstall('staging')],
    apps: [],
    problems: [],
    ...overrides,
  };
}

/** A mirror whose history is OLDER → HEAD. */
function source(
  repo: DesiredRepositoryState = repository(),
  isAncestor: DesiredStateSource['isAncestor'] = async (a, d) =>
    a === d || (a === OLDER && d === HEAD),
): DesiredStateSource {
  return {
    desiredState: () => ({ repositories: [repo] }),
    commitTime: async () => undefined,
    isAncestor,
  };
}

/** The build cluster's GitOps App delivering to `target`, having deployed `deployed`. */
function deliveringApp(target: string, deployed?: string): SlimApp {
  const app: SlimApp = {
    ...gitopsApp(`app.default.tap-${target}`, 'app.default.tap'),
    fetchedCommit: deployed,
  };
  app.metadata.labels = { 'carvel.dev/cluster': target };
  app.status = {
    ...app.status,
    fetch: { exitCode: 0 },
    deploy: { exitCode: 0, finished: true },
  };
  return app;
}

const settled = { settled: true, timeoutMs: 3000 };
const selection = { packageNames };

async function driftOf(
  views: ClusterView[],
  shown: ClusterView[],
  mirror?: DesiredStateSource,
  namespace?: string,
) {
  return addDrift(
    shown.map(v => buildClusterState(v, { ...selection, namespace }, settled)),
    { source: mirror, views, packageNames, namespace },
  );
}

describe('addDrift', () => {
  const build = fakeCluster('build', {
    apps: [deliveringApp('staging', HEAD)],
  });
  const staging = fakeCluster('staging', {
    installs: [packageInstall('app')],
  });

  it('leaves the answer as it is without a repository mirror', async () => {
    const states = [buildClusterState(staging, selection, settled)];
    expect(await addDrift(states, { views: [staging], packageNames })).toBe(
      states,
    );
  });

  it('leaves the answer as it is when the mirror follows no repository', async () => {
    const states = [buildClusterState(staging, selection, settled)];
    const followsNothing: DesiredStateSource = {
      ...source(),
      desiredState: () => ({ repositories: [] }),
    };
    expect(
      await addDrift(states, {
        source: followsNothing,
        views: [staging],
        packageNames,
      }),
    ).toBe(states);
  });

  it('is in sync through the App on a cluster the entity does not show', async () => {
    const [state] = await driftOf([build, staging], [staging], source());
    expect(state.packageInstalls).toEqual([
      expect.objectContaining({
        name: 'app',
        drift: 'in-sync',
        driftDetail: 'the cluster matches git at 3f78685',
        deployedCommit: HEAD,
        desired: {
          constraints: '>=0.0.0',
          commit: HEAD,
          committedAt: '2026-12-01T10:00:00Z',
          file: 'app.default.tap/staging/packageinstall.yaml',
        },
      }),
    ]);
  });

  it("answers the same frozen row while the row, git's install and the App's commit are the same", async () => {
    const mirror = source();
    const [first] = await driftOf([build, staging], [staging], mirror);
    const [again] = await driftOf([build, staging], [staging], mirror);
    expect(again.packageInstalls[0]).toBe(first.packageInstalls[0]);
    expect(again).toBe(first);
    expect(Object.isFrozen(first.packageInstalls)).toBe(true);
    expect(Object.isFrozen(first.packageInstalls[0].desired)).toBe(true);

    const [gitReadAgain] = await driftOf([build, staging], [staging], source());
    expect(gitReadAgain.packageInstalls[0]).not.toBe(first.packageInstalls[0]);
    expect(gitReadAgain.packageInstalls[0]).toEqual(first.packageInstalls[0]);

    const movedOn = fakeCluster('build', {
      apps: [deliveringApp('staging', OLDER)],
    });
    const [behind] = await driftOf([movedOn, staging], [staging], mirror);
    expect(behind.packageInstalls[0]).toMatchObject({
      drift: 'pending',
      deployedCommit: OLDER,
    });
  });

  it('is drifted naming the field changed on the cluster', async () => {
    const changed = fakeCluster('staging', {
      installs: [packageInstall('app', { constraints: '1.2.3' })],
    });
    const [state] = await driftOf([build, changed], [changed], source());
    expect(state.packageInstalls[0]).toMatchObject({
      drift: 'drifted',
      driftDetail: 'the constraint on the cluster is 1.2.3, git says >=0.0.0',
    });
  });

  it('is pending while the App has deployed an older commit', async () => {
    const behind = fakeCluster('build', {
      apps: [deliveringApp('staging', OLDER)],
    });
    const [state] = await driftOf([behind, staging], [staging], source());
    expect(state.packageInstalls[0]).toMatchObject({
      drift: 'pending',
      deployedCommit: OLDER,
      desired: expect.objectContaining({ commit: HEAD }),
    });
  });

  it('adds a missing row for what git declares on a cluster that answered', async () => {
    const empty = fakeCluster('staging');
    const [state] = await driftOf([build, empty], [empty], source());
    expect(state.packageInstalls).toEqual([
      expect.objectContaining({
        namespace: 'apps',
        name: 'app',
        packageName: 'app.default.tap',
        constraints: '>=0.0.0',
        status: 'unknown',
        drift: 'missing',
      }),
    ]);
  });

  it('adds no missing row for a cluster in error, nor outside the entity namespace', async () => {
    const down = fakeCluster(
      'staging',
      {},
      {
        state: 'error',
        error: { type: 'unreachable', message: 'connection refused' },
      },
    );
    const [unreachable] = await driftOf([build, down], [down], source());
    expect(unreachable.packageInstalls).toEqual([]);
    const empty = fakeCluster('staging');
    const [otherNamespace] = await driftOf(
      [build, empty],
      [empty],
      source(),
      'other',
    );
    expect(otherNamespace.packageInstalls).toEqual([]);
  });

  it('does not call a PackageInstall left out by the per-cluster cap missing', async () => {
    const states = [
      {
        ...buildClusterState(staging, selection, settled),
        packageInstalls: [],
      },
    ];
    const [state] = await addDrift(states, {
      source: source(),
      views: [build, staging],
      packageNames,
    });
    expect(state.packageInstalls).toEqual([]);
  });

  it('is not in git for a PackageInstall git does not declare', async () => {
    const [state] = await driftOf(
      [build, staging],
      [staging],
      source(repository({ packageInstalls: [] })),
    );
    expect(state.packageInstalls[0]).toMatchObject({
      drift: 'not-in-git',
      deployedCommit: HEAD,
    });
    expect(state.packageInstalls[0].desired).toBeUndefined();
  });

  it('is unknown before the repository was fetched, or when its file cannot be read', async () => {
    const [unfetched] = await driftOf(
      [build, staging],
      [staging],
      source(repository({ commit: undefined, packageInstalls: [] })),
    );
    expect(unfetched.packageInstalls[0].drift).toBe('unknown');
    const [unreadable] = await driftOf(
      [build, staging],
      [staging],
      source(
        repository({
          packageInstalls: [],
          problems: [
            {
              repository: 'https://git.example.com/acme/gitops.git',
              file: 'app.default.tap/staging/packageinstall.yaml',
              message: 'larger than 256 KiB',
            },
          ],
        }),
      ),
    );
    expect(unreadable.packageInstalls[0]).toMatchObject({
      drift: 'unknown',
      driftDetail: "git's file cannot be read: larger than 256 KiB",
    });
  });

  it("says unknown ancestry when the mirror's answer takes too long", async () => {
    jest.useFakeTimers();
    try {
      const behind = fakeCluster('build', {
        apps: [deliveringApp('staging', OLDER)],
      });
      const answer = driftOf(
        [behind, staging],
        [staging],
        source(repository(), () => new Promise(() => {})),
      );
      await jest.advanceTimersByTimeAsync(2000);
      const [state] = await answer;
      expect(state.packageInstalls[0]).toMatchObject({
        drift: 'pending',
        driftDetail:
          "the App deployed 89e6c98, a commit not known beside git's head 3f78685",
      });
    } finally {
      jest.useRealTimers();
    }
  });

  it('asks the mirror once per deployed commit and head', async () => {
    const isAncestor = jest.fn(async () => true);
    const prod = fakeCluster('prod', { installs: [packageInstall('app')] });
    const behind = fakeCluster('build', {
      apps: [deliveringApp('staging', OLDER), deliveringApp('prod', OLDER)],
    });
    await driftOf(
      [behind, staging, prod],
      [staging, prod],
      source(
        repository({
          packageInstalls: [desiredInstall('staging'), desiredInstall('prod')],
        }),
        isAncestor,
      ),
    );
    expect(isAncestor).toHaveBeenCalledTimes(1);
  });

  it("places an App without the generator's label by git's apps file, also in the answer", async () => {
    const unlabelled = deliveringApp('staging', HEAD);
    unlabelled.metadata.labels = {};
    const buildUnlabelled = fakeCluster('build', { apps: [unlabelled] });
    const [buildState, stagingState] = await driftOf(
      [buildUnlabelled, staging],
      [buildUnlabelled, staging],
      source(
        repository({
          apps: [
            {
              repository: 'https://git.example.com/acme/gitops.git',
              commit: HEAD,
              file: 'app.default.tap/apps/staging.yaml',
              namespace: 'gitops-delivery',
              name: 'app.default.tap-staging',
              packageName: 'app.default.tap',
              targetCluster: 'staging',
            },
          ],
        }),
      ),
    );
    expect(buildState.apps[0].targetCluster).toBe('staging');
    expect(stagingState.packageInstalls[0]).toMatchObject({
      drift: 'in-sync',
      deployedCommit: HEAD,
    });
  });

  it("links the desired and deployed commits to the repository's web pages when the host has them", async () => {
    const [state] = await addDrift(
      [buildClusterState(staging, selection, settled)],
      {
        source: source(),
        views: [build, staging],
        packageNames,
        commitUrl: (repositoryUrl, sha) => `${repositoryUrl}#${sha}`,
      },
    );
    expect(state.packageInstalls[0]).toMatchObject({
      deployedCommitUrl: `https://git.example.com/acme/gitops.git#${HEAD}`,
      desired: {
        commitUrl: `https://git.example.com/acme/gitops.git#${HEAD}`,
      },
    });
    const [unlinked] = await driftOf([build, staging], [staging], source());
    expect(unlinked.packageInstalls[0].deployedCommitUrl).toBeUndefined();
    expect(unlinked.packageInstalls[0].desired?.commitUrl).toBeUndefined();
  });

  it('compares with the head through an App that reports no commit, and stays pending for one whose fetch failed', async () => {
    const silent = fakeCluster('build', {
      apps: [deliveringApp('staging', undefined)],
    });
    const [state] = await driftOf([silent, staging], [staging], source());
    expect(state.packageInstalls[0].drift).toBe('in-sync');
    const failing = deliveringApp('staging', undefined);
    failing.status = { ...failing.status, fetch: { exitCode: 1 } };
    const [pending] = await driftOf(
      [fakeCluster('build', { apps: [failing] }), staging],
      [staging],
      source(),
    );
    expect(pending.packageInstalls[0].drift).toBe('pending');
  });
});
