import {
  fakeCluster,
  gitopsApp,
  packageInstall,
  pkg,
} from '../__testUtils__/fakes';
import type {
  Package,
  PackageInstall,
} from '@carvel-gitops/plugin-carvel-common';
import type { SlimApp } from '../cluster/carvelResources';
import { PackageIndex } from '../cluster/PackageIndex';
import { buildClusterState } from './buildClusterState';

/** The App kapp-controller made for PackageInstall `app`, handed `version`, at generation 4. */
function installApp(
  version: string,
  status: { observedGeneration: number; condition: string; useful?: string },
): SlimApp {
  return {
    ...gitopsApp('app', 'app.default.tap'),
    metadata: {
      name: 'app',
      namespace: 'apps',
      generation: 4,
      annotations: {
        'carvel.dev/package-name': 'app.default.tap',
        'packaging.carvel.dev/package-version': version,
      },
    },
    status: {
      observedGeneration: status.observedGeneration,
      conditions: [{ type: status.condition, status: 'True' }],
      usefulErrorMessage: status.useful,
    },
    ownerPackageInstall: 'app',
  };
}

const selection = { packageNames: ['app.default.tap'] };
const settled = { settled: true, timeoutMs: 3000, maxItemsPerCluster: 500 };

describe('buildClusterState', () => {
  it('derives a row once per object version: the same instances answer the same row, a change a new one', () => {
    const installs = new PackageIndex<PackageInstall>(
      i => i.spec.packageRef.refName,
    );
    const packages = new PackageIndex<Package>(p => p.spec.refName);
    const apps = new PackageIndex<SlimApp>(
      a => a.metadata.annotations?.['carvel.dev/package-name'],
    );
    const first = packageInstall('app', { version: '1.0.0' });
    installs.apply([{ current: first }]);
    packages.apply([{ current: pkg('app.default.tap', '1.0.0') }]);
    const cluster = {
      name: 'staging',
      state: 'synced' as const,
      packageInstalls: installs,
      packages,
      apps,
    };
    const row = () =>
      buildClusterState(cluster, selection, settled).packageInstalls[0];

    const before = row();
    expect(row()).toBe(before);
    expect(Object.isFrozen(before)).toBe(true);

    packages.apply([{ current: pkg('app.default.tap', '1.1.0') }]);
    const afterNewPackage = row();
    expect(afterNewPackage).not.toBe(before);
    expect(afterNewPackage.latestVersion).toBe('1.1.0');

    installs.apply([
      { previous: first, current: packageInstall('app', { version: '1.1.0' }) },
    ]);
    expect(row()).toMatchObject({ version: '1.1.0' });
    expect(row()).not.toBe(afterNewPackage);
  });

  it("answers the same deeply frozen state while the cluster's objects for the selection stay the same", () => {
    const installs = new PackageIndex<PackageInstall>(
      i => i.spec.packageRef.refName,
    );
    const first = packageInstall('app', { version: '1.0.0' });
    installs.apply([{ current: first }]);
    const packages = new PackageIndex<Package>(p => p.spec.refName);
    packages.apply([{ current: pkg('app.default.tap', '1.0.0') }]);
    const cluster: Parameters<typeof buildClusterState>[0] = {
      name: 'staging',
      state: 'synced',
      packageInstalls: installs,
      packages,
      apps: new PackageIndex<SlimApp>(() => undefined),
    };
    const state = () => buildClusterState(cluster, selection, settled);

    const before = state();
    expect(state()).toBe(before);
    expect(Object.isFrozen(before)).toBe(true);
    expect(Object.isFrozen(before.packageInstalls)).toBe(true);
    expect(Object.isFrozen(before.packages[0].versions)).toBe(true);
    expect(Object.isFrozen(before.apps)).toBe(true);

    const otherSelection = buildClusterState(
      cluster,
      { ...selection, namespace: 'elsewhere' },
      settled,
    );
    expect(otherSelection.packageInstalls).toEqual([]);
    expect(state()).toBe(before);

    installs.apply([
      { previous: first, current: packageInstall('app', { version: '1.1.0' }) },
    ]);
    const afterChange = state();
    expect(afterChange).not.toBe(before);
    expect(afterChange.packageInstalls[0].version).toBe('1.1.0');

    cluster.state = 'error';
    cluster.error = { type: 'unreachable', message: 'gone' };
    cluster.stale = true;
    const inError = state();
    expect(inError).toMatchObject({
      state: 'error',
      error: { type: 'unreachable', message: 'gone' },
      stale: {},
    });
    expect(Object.isFrozen(inError.error)).toBe(true);
    expect(Object.isFrozen(cluster.error)).toBe(false);
    expect(
      buildClusterState(cluster, selection, {
        ...settled,
        maxItemsPerCluster: 1,
      }),
    ).not.toBe(inError);
  });

  it('reports versions, PackageInstalls with the newest version, and GitOps Apps', () => {
    const cluster = fakeCluster('staging', {
      installs: [
        packageInstall('app', { constraints: '1.0.0', version: '1.0.0' }),
        packageInstall('other', { refName: 'other.default.tap' }),
      ],
      packages: [
        pkg('app.default.tap', '1.1.0'),
        pkg('app.default.tap', '1.0.0'),
        pkg('app.default.tap', '1.0.0', 'global'),
      ],
      apps: [gitopsApp('app-default-tap-staging', 'app.default.tap')],
    });
    const state = buildClusterState(cluster, selection, settled);
    expect(state).toEqual({
      name: 'staging',
      state: 'ok',
      packages: [
        { packageName: 'app.default.tap', versions: ['1.0.0', '1.1.0'] },
      ],
      packageInstalls: [
        expect.objectContaining({
          namespace: 'apps',
          name: 'app',
          packageName: 'app.default.tap',
          constraints: '1.0.0',
          version: '1.0.0',
          status: 'succeeded',
          latestVersion: '1.1.0',
          availableUpdate: '1.1.0',
        }),
      ],
      apps: [
        expect.objectContaining({
          namespace: 'gitops-delivery',
          name: 'app-default-tap-staging',
          packageName: 'app.default.tap',
          status: 'succeeded',
        }),
      ],
    });
  });

  it('offers no update the constraints already take', () => {
    const cluster = fakeCluster('staging', {
      installs: [
        packageInstall('app', { constraints: '>=1.0.0', version: '1.0.0' }),
      ],
      packages: [
        pkg('app.default.tap', '1.1.0'),
        pkg('app.default.tap', '1.0.0'),
      ],
    });
    const [install] = buildClusterState(
      cluster,
      selection,
      settled,
    ).packageInstalls;
    expect(install.latestVersion).toBe('1.1.0');
    expect(install.availableUpdate).toBeUndefined();
  });

  it('passes the failure message through', () => {
    const cluster = fakeCluster('prod', {
      installs: [
        packageInstall('app', {
          condition: 'ReconcileFailed',
          message: 'ytt: Error: replicas must be integer',
        }),
      ],
    });
    const [install] = buildClusterState(
      cluster,
      selection,
      settled,
    ).packageInstalls;
    expect(install).toMatchObject({
      status: 'failed',
      message: 'ytt: Error: replicas must be integer',
    });
  });

  it('says which version is deploying and which still runs until the App has reconciled it', () => {
    const cluster = fakeCluster('prod', {
      installs: [packageInstall('app', { version: '2.0.0' })],
      apps: [
        installApp('2.0.0', {
          observedGeneration: 3,
          condition: 'Reconciling',
        }),
      ],
    });
    const [deploying] = buildClusterState(
      cluster,
      selection,
      settled,
    ).packageInstalls;
    expect(deploying).toMatchObject({
      status: 'succeeded',
      version: '2.0.0',
      deployingVersion: '2.0.0',
    });
    expect(deploying.runningVersion).toBeUndefined();

    const settledCluster = fakeCluster('prod', {
      installs: [packageInstall('app', { version: '2.0.0' })],
      apps: [
        installApp('1.0.0', {
          observedGeneration: 4,
          condition: 'ReconcileSucceeded',
        }),
      ],
    });
    const [stillOld] = buildClusterState(
      settledCluster,
      selection,
      settled,
    ).packageInstalls;
    expect(stillOld).toMatchObject({
      version: '1.0.0',
      runningVersion: '1.0.0',
      deployingVersion: '2.0.0',
    });
    // "Deploying 2.0.0" already says it: no second "last attempted 2.0.0".
    expect(stillOld.lastAttemptedVersion).toBeUndefined();
  });

  it('gives an error kapp-controller kept from an earlier reconcile as previousError, not as message', () => {
    const app = gitopsApp(
      'app-default-tap-prod',
      'app.default.tap',
      'Reconciling',
    );
    app.status = {
      ...app.status,
      usefulErrorMessage: 'kapp: Error: timed out',
    };
    const cluster = fakeCluster('prod', { apps: [app] });
    const [state] = buildClusterState(cluster, selection, settled).apps;
    expect(state).toMatchObject({
      status: 'reconciling',
      previousError: 'kapp: Error: timed out',
    });
    expect(state.message).toBeUndefined();
  });

  it('says where a GitOps App delivers and which commit it fetched and deployed', () => {
    const sha = '3f786850e387550fdab836ed7e6dc881de23001b';
    const delivered: SlimApp = {
      ...gitopsApp('app-default-tap-prod', 'app.default.tap'),
      fetchedCommit: sha,
    };
    delivered.metadata.labels = { 'carvel.dev/cluster': 'prod' };
    delivered.status = {
      ...delivered.status,
      fetch: { exitCode: 0 },
      deploy: { exitCode: 0, finished: true },
    };
    const failing: SlimApp = {
      ...gitopsApp('app-default-tap-qa', 'app.default.tap', 'ReconcileFailed'),
      fetchedCommit: sha,
    };
    const cluster = fakeCluster('build', { apps: [delivered, failing] });
    expect(buildClusterState(cluster, selection, settled).apps).toEqual([
      expect.objectContaining({
        name: 'app-default-tap-prod',
        targetCluster: 'prod',
        fetchedCommit: sha,
        deployedCommit: sha,
      }),
      expect.objectContaining({
        name: 'app-default-tap-qa',
        targetCluster: undefined,
        fetchedCommit: sha,
        deployedCommit: undefined,
      }),
    ]);
  });

  it('keeps the last condition beside paused', () => {
    const install = packageInstall('app', {
      condition: 'ReconcileFailed',
      message: 'boom',
    });
    install.spec.paused = true;
    const cluster = fakeCluster('prod', { installs: [install] });
    const [state] = buildClusterState(
      cluster,
      selection,
      settled,
    ).packageInstalls;
    expect(state).toMatchObject({
      status: 'paused',
      lastConditionStatus: 'failed',
    });
  });

  it('filters by namespace', () => {
    const cluster = fakeCluster('prod', {
      installs: [
        packageInstall('a', { namespace: 'apps' }),
        packageInstall('b', { namespace: 'other' }),
      ],
    });
    expect(
      buildClusterState(
        cluster,
        { ...selection, namespace: 'other' },
        settled,
      ).packageInstalls.map(i => i.name),
    ).toEqual(['b']);
  });

  it('reports a cluster in error with its error and whatever it still knows', () => {
    const cluster = fakeCluster(
      'prod',
      {},
      {
        state: 'error',
        error: { type: 'forbidden', message: 'nope', since: 'x' },
      },
    );
    expect(buildClusterState(cluster, selection, settled)).toEqual({
      name: 'prod',
      state: 'error',
      error: { type: 'forbidden', message: 'nope', since: 'x' },
      packages: [],
      packageInstalls: [],
      apps: [],
    });
  });

  it('marks the PackageInstalls a cluster in error listed before as stale, with when they were listed', () => {
    const cluster = fakeCluster(
      'prod',
      { installs: [packageInstall('app', { version: '1.0.0' })] },
      {
        state: 'error',
        error: { type: 'forbidden', message: 'cannot watch', since: 'x' },
        stale: true,
        lastSyncedAt: '2026-12-01T10:00:00.000Z',
      },
    );
    const state = buildClusterState(cluster, selection, settled);
    expect(state.stale).toEqual({ lastSyncedAt: '2026-12-01T10:00:00.000Z' });
    expect(state.packageInstalls.map(i => i.version)).toEqual(['1.0.0']);
    expect(
      buildClusterState(
        { ...cluster, state: 'synced', error: undefined },
        selection,
        settled,
      ).stale,
    ).toBeUndefined();
  });

  it('reports a cluster that has not answered within the deadline as timeout', () => {
    const cluster = fakeCluster('slow', {}, { state: 'syncing' });
    expect(
      buildClusterState(cluster, selection, {
        ...settled,
        settled: false,
      }).error,
    ).toEqual({
      type: 'timeout',
      message: 'no answer from the cluster within 3 s',
    });
  });

  it('caps thousands of PackageInstalls per cluster, failures first, and counts the rest', () => {
    const installs = Array.from({ length: 3000 }, (_, i) =>
      packageInstall(`app-${String(i).padStart(4, '0')}`, {
        namespace: `team-${i % 3}`,
        ...(i % 500 === 499
          ? { condition: 'ReconcileFailed', message: `broken ${i}` }
          : {}),
      }),
    );
    const cluster = fakeCluster('prod', { installs });
    const state = buildClusterState(cluster, selection, {
      ...settled,
      maxItemsPerCluster: 10,
    });
    expect(state.truncated).toBe(2990);
    expect(state.packageInstalls).toHaveLength(10);
    expect(
      state.packageInstalls
        .filter(i => i.status === 'failed')
        .map(i => `${i.namespace}/${i.name}`),
    ).toEqual([
      'team-0/app-0999',
      'team-0/app-2499',
      'team-1/app-0499',
      'team-1/app-1999',
      'team-2/app-1499',
      'team-2/app-2999',
    ]);
    expect(state.packageInstalls.slice(0, 3).map(i => i.name)).toEqual([
      'app-0000',
      'app-0003',
      'app-0006',
    ]);
    expect(state.truncatedApps).toBeUndefined();
  });

  it('caps the Apps of a cluster separately', () => {
    const apps = Array.from({ length: 30 }, (_, i) =>
      gitopsApp(`delivery-${String(i).padStart(2, '0')}`, 'app.default.tap'),
    );
    const state = buildClusterState(
      fakeCluster('build', { installs: [packageInstall('app')], apps }),
      selection,
      { ...settled, maxItemsPerCluster: 5 },
    );
    expect(state.apps.map(a => a.name)).toEqual([
      'delivery-00',
      'delivery-01',
      'delivery-02',
      'delivery-03',
      'delivery-04',
    ]);
    expect(state.truncatedApps).toBe(25);
    expect(state.truncated).toBeUndefined();
    expect(state.packageInstalls).toHaveLength(1);
  });

  it('bounds the message of each PackageInstall', () => {
    const cluster = fakeCluster('prod', {
      installs: [
        packageInstall('app', {
          condition: 'ReconcileFailed',
          message: `kapp: Error: ${'x'.repeat(1_000_000)}`,
        }),
      ],
    });
    const [install] = buildClusterState(
      cluster,
      selection,
      settled,
    ).packageInstalls;
    expect(install.message!.length).toBeLessThan(10_000);
    expect(install.message).toMatch(
      /^kapp: Error: x+… \(\d+ more characters\)$/,
    );
  });
});

describe('buildClusterState constraintNote', () => {
  it('says how kapp-controller reads a surprising constraint with the PackageInstall prereleases', () => {
    const wildcard = packageInstall('app', { constraints: '1.x' });
    wildcard.spec!.packageRef!.versionSelection!.prereleases = {};
    const cluster = fakeCluster('staging', {
      installs: [
        wildcard,
        packageInstall('plain', { constraints: '>=1.0.0' }),
        packageInstall('off', { constraints: '1.x' }),
      ],
      packages: [pkg('app.default.tap', '1.0.0')],
    });
    const notes = buildClusterState(
      cluster,
      selection,
      settled,
    ).packageInstalls.map(install => [install.name, install.constraintNote]);
    expect(notes).toEqual([
      [
        'app',
        'kapp-controller\'s "<2.0.0" admits 2.0.0 prereleases (e.g. 2.0.0-rc.1), and a wildcard starts at its .0 release, not at its prereleases',
      ],
      ['off', undefined],
      ['plain', undefined],
    ]);
  });
});
