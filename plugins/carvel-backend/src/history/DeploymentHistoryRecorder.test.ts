import { mockServices } from '@backstage/backend-test-utils';
import { packageInstall } from '../__testUtils__/fakes';
import { historyTestDatabases } from './__testUtils__/testDatabases';
import { ownedApp, settableFleet } from './__testUtils__/historyFakes';
import { CommitLookup, noCommitLookup } from './CommitLookup';
import { DeploymentHistoryRecorder } from './DeploymentHistoryRecorder';
import { DeploymentHistoryStore } from './DeploymentHistoryStore';

const databases = historyTestDatabases();

const query = { packageNames: ['app.default.tap'], limit: 100 };

function recorderFor(
  store: DeploymentHistoryStore,
  commits: CommitLookup = noCommitLookup,
) {
  const { fleet, set } = settableFleet();
  const recorder = new DeploymentHistoryRecorder({
    fleet,
    store,
    commits,
    logger: mockServices.logger.mock(),
  });
  recorder.start();
  return { recorder, set };
}

function deployed(version: string, at: string) {
  return {
    installs: [packageInstall('app', { version })],
    apps: [ownedApp('app', version, at)],
  };
}

describe.each(databases.ids)('DeploymentHistoryRecorder on %s', id => {
  it('records each new settled version with the commit and its lead time', async () => {
    const store = new DeploymentHistoryStore(await databases.init(id));
    const commits: CommitLookup = {
      commitFor: (cluster, namespace, name) =>
        cluster === 'prod' && namespace === 'apps' && name === 'app'
          ? {
              sha: 'c0ffee'.padEnd(40, '0'),
              committedAt: new Date('2026-12-01T10:59:18Z'),
            }
          : undefined,
    };
    const { recorder, set } = recorderFor(store, commits);

    const first = deployed('1.0.0', '2026-12-01T10:00:00Z');
    set('prod', first.installs, first.apps);
    await recorder.whenIdle();
    const reconciling = packageInstall('app', { condition: 'Reconciling' });
    set('prod', [reconciling], first.apps);
    await recorder.whenIdle();
    const second = deployed('1.1.0', '2026-12-01T11:00:00Z');
    set('prod', second.installs, second.apps);
    await recorder.whenIdle();

    const items = await store.list(query);
    expect(items).toEqual([
      expect.objectContaining({
        cluster: 'prod',
        fromVersion: '1.0.0',
        toVersion: '1.1.0',
        status: 'succeeded',
        at: new Date('2026-12-01T11:00:00Z'),
        commit: 'c0ffee'.padEnd(40, '0'),
        leadTimeSeconds: 42,
      }),
      expect.objectContaining({
        fromVersion: undefined,
        toVersion: '1.0.0',
        leadTimeSeconds: undefined,
      }),
    ]);
    await recorder.stop();
  });

  it('records a failure and the recovery of the same version, not the periodic reconciles', async () => {
    const store = new DeploymentHistoryStore(await databases.init(id));
    const { recorder, set } = recorderFor(store);
    const ok = deployed('1.0.0', '2026-12-01T10:00:00Z');
    set('prod', ok.installs, ok.apps);
    await recorder.whenIdle();
    const again = deployed('1.0.0', '2026-12-01T10:10:00Z');
    set('prod', again.installs, again.apps);
    await recorder.whenIdle();
    const failed = packageInstall('app', {
      version: '1.0.0',
      condition: 'ReconcileFailed',
      message: 'kapp: timed out',
    });
    set(
      'prod',
      [failed],
      [
        ownedApp('app', '1.0.0', '2026-12-01T10:20:00Z', {
          condition: 'ReconcileFailed',
        }),
      ],
    );
    await recorder.whenIdle();
    const recovered = deployed('1.0.0', '2026-12-01T10:30:00Z');
    set('prod', recovered.installs, recovered.apps);
    await recorder.whenIdle();

    const items = await store.list(query);
    expect(items.map(i => `${i.toVersion} ${i.status}`)).toEqual([
      '1.0.0 succeeded',
      '1.0.0 failed',
      '1.0.0 succeeded',
    ]);
    await recorder.stop();
  });

  it('adds nothing after a restart when nothing changed', async () => {
    const store = new DeploymentHistoryStore(await databases.init(id));
    const before = recorderFor(store);
    const state = deployed('1.0.0', '2026-12-01T10:00:00Z');
    before.set('prod', state.installs, state.apps);
    await before.recorder.whenIdle();
    await before.recorder.stop();

    const after = recorderFor(store);
    // Without the App's times the transition id differs: only the stored state prevents a duplicate.
    after.set('prod', state.installs);
    await after.recorder.whenIdle();
    expect(await store.list(query)).toHaveLength(1);
    await after.recorder.stop();
  });

  it('asks the database only about PackageInstalls whose settled state changed, in any order', async () => {
    const store = new DeploymentHistoryStore(await databases.init(id));
    const latest = jest.spyOn(store, 'latestOfEach');
    const { recorder, set } = recorderFor(store);
    const at = '2026-12-01T10:00:00Z';
    const [a, b, c] = ['a', 'b', 'c'].map(name =>
      packageInstall(name, { version: '1.0.0' }),
    );
    const apps = ['a', 'b', 'c'].map(name => ownedApp(name, '1.0.0', at));
    set('prod', [a, b, c], apps);
    await recorder.whenIdle();
    expect(latest).toHaveBeenCalledTimes(1);

    set('prod', [a, b, c], apps);
    await recorder.whenIdle();
    set('prod', [c, packageInstall('b', { version: '1.0.0' }), a], apps);
    await recorder.whenIdle();
    expect(latest).toHaveBeenCalledTimes(1);

    const later = '2026-12-01T11:00:00Z';
    set(
      'prod',
      [
        packageInstall('d', { version: '1.0.0' }),
        c,
        a,
        packageInstall('b', { version: '1.1.0' }),
      ],
      [
        apps[0],
        apps[2],
        ownedApp('d', '1.0.0', later),
        ownedApp('b', '1.1.0', later),
      ],
    );
    await recorder.whenIdle();
    expect(latest).toHaveBeenCalledTimes(2);
    expect(latest.mock.calls[1][1].map(ref => ref.name).sort()).toEqual([
      'b',
      'd',
    ]);
    expect(
      (await store.list(query)).map(i => `${i.name} ${i.toVersion}`).sort(),
    ).toEqual(['a 1.0.0', 'b 1.0.0', 'b 1.1.0', 'c 1.0.0', 'd 1.0.0']);
    await recorder.stop();
  });

  it('reads a cluster once its first list is complete, not from half its pages', async () => {
    const store = new DeploymentHistoryStore(await databases.init(id));
    const latest = jest.spyOn(store, 'latestOfEach');
    const { recorder, set } = recorderFor(store);
    const state = deployed('1.0.0', '2026-12-01T10:00:00Z');
    set('prod', state.installs, [], 'syncing');
    await recorder.whenIdle();
    expect(latest).not.toHaveBeenCalled();

    set('prod', state.installs, state.apps, 'synced');
    await recorder.whenIdle();
    expect(await store.list(query)).toEqual([
      expect.objectContaining({
        toVersion: '1.0.0',
        at: new Date('2026-12-01T10:00:00Z'),
      }),
    ]);

    const failed = packageInstall('app', {
      version: '1.0.0',
      condition: 'ReconcileFailed',
    });
    set('prod', [failed], state.apps, 'error');
    await recorder.whenIdle();
    expect((await store.list(query)).map(i => i.status)).toEqual([
      'failed',
      'succeeded',
    ]);
    await recorder.stop();
  });

  it("asks the database once for all of a cluster's changed packages", async () => {
    const store = new DeploymentHistoryStore(await databases.init(id));
    const latest = jest.spyOn(store, 'latestOfEach');
    const { recorder, set } = recorderFor(store);
    const at = '2026-12-01T10:00:00Z';
    set(
      'prod',
      [
        packageInstall('app', { version: '1.0.0' }),
        packageInstall('db', { version: '2.0.0', refName: 'db.default.tap' }),
      ],
      [ownedApp('app', '1.0.0', at)],
    );
    await recorder.whenIdle();
    expect(latest).toHaveBeenCalledTimes(1);
    expect(latest.mock.calls[0][1].map(ref => ref.name).sort()).toEqual([
      'app',
      'db',
    ]);
    expect(
      (
        await store.list({
          packageNames: ['app.default.tap', 'db.default.tap'],
          limit: 10,
        })
      )
        .map(i => `${i.packageName} ${i.toVersion}`)
        .sort(),
    ).toEqual(['app.default.tap 1.0.0', 'db.default.tap 2.0.0']);
    await recorder.stop();
  });

  it('records every transition once when two backend instances observe the same clusters', async () => {
    const db = await databases.init(id);
    const instances = [
      recorderFor(new DeploymentHistoryStore(db)),
      recorderFor(new DeploymentHistoryStore(db)),
    ];
    const clusters = ['staging', 'prod', 'dev'];
    const versions = ['1.0.0', '1.1.0', '1.2.0'];
    for (const [minute, version] of versions.entries()) {
      for (const cluster of clusters) {
        const installs = ['app', 'app2', 'app3'].map(name =>
          packageInstall(name, { version }),
        );
        const apps = ['app', 'app2', 'app3'].map(name =>
          ownedApp(name, version, `2026-12-01T10:0${minute}:00Z`),
        );
        instances.forEach(instance => instance.set(cluster, installs, apps));
      }
      await Promise.all(instances.map(i => i.recorder.whenIdle()));
    }

    const items = await new DeploymentHistoryStore(db).list(query);
    expect(items).toHaveLength(clusters.length * 3 * versions.length);
    const keys = items.map(
      i => `${i.cluster}/${i.name} ${i.fromVersion}->${i.toVersion}`,
    );
    expect(new Set(keys).size).toBe(keys.length);
    await Promise.all(instances.map(i => i.recorder.stop()));
  });

  it('skips what does not fit the table or is not a commit, and records the others', async () => {
    const store = new DeploymentHistoryStore(await databases.init(id));
    const { recorder, set } = recorderFor(store, {
      commitFor: () => ({
        sha: 'HEAD; rm -rf /',
        committedAt: new Date('2026-12-01T09:00:00Z'),
      }),
    });
    const longVersion = `1.0.0-${'x'.repeat(200)}`;
    set('prod', [
      packageInstall('hostile', { version: longVersion }),
      packageInstall('app', { version: '1.0.0' }),
    ]);
    await recorder.whenIdle();
    const items = await store.list(query);
    expect(items.map(i => [i.name, i.toVersion, i.commit])).toEqual([
      ['app', '1.0.0', undefined],
    ]);
    await recorder.stop();
  });

  it('records nothing after it stopped', async () => {
    const store = new DeploymentHistoryStore(await databases.init(id));
    const { recorder, set } = recorderFor(store);
    await recorder.stop();
    const state = deployed('1.0.0', '2026-12-01T10:00:00Z');
    set('prod', state.installs, state.apps);
    await recorder.whenIdle();
    expect(await store.list(query)).toEqual([]);
  });

  it('logs a database failure and tries again on the next change', async () => {
    const store = new DeploymentHistoryStore(await databases.init(id));
    const latest = jest
      .spyOn(store, 'latestOfEach')
      .mockRejectedValueOnce(new Error('connection refused'));
    const { fleet, set } = settableFleet();
    const logger = mockServices.logger.mock();
    const recorder = new DeploymentHistoryRecorder({
      fleet,
      store,
      commits: noCommitLookup,
      logger,
    });
    recorder.start();
    const state = deployed('1.0.0', '2026-12-01T10:00:00Z');
    set('prod', state.installs, state.apps);
    await recorder.whenIdle();
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('connection refused'),
    );
    expect(await store.list(query)).toHaveLength(0);

    set('prod', state.installs, state.apps);
    await recorder.whenIdle();
    expect(await store.list(query)).toHaveLength(1);
    expect(latest).toHaveBeenCalledTimes(2);

    latest.mockRejectedValueOnce(new Error('connection reset'));
    set(
      'prod',
      ['a', 'b', 'c', 'd', 'e'].map(name =>
        packageInstall(name, { version: '1.0.0', refName: `${name}.tap` }),
      ),
    );
    await recorder.whenIdle();
    expect(logger.warn).toHaveBeenLastCalledWith(
      'Could not record the deployment history of a.tap, b.tap, c.tap and 2 more package(s) on prod: 5 PackageInstall(s) not recorded: connection reset',
    );
    await recorder.stop();
  });
});
