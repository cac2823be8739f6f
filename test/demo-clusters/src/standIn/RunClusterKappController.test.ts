import {
  type KubeApiServer,
  type KubeObject,
  startKubeApiServer,
} from '@carvel-gitops/kube-apiserver-sim';
import {
  testPackage,
  testPackageInstall,
  valuesSecret,
} from '../__testUtils__/carvelObjects';
import { statusOf } from '../__testUtils__/statusOf';
import { RunClusterKappController } from './RunClusterKappController';

const PKGI = {
  apiVersion: 'packaging.carvel.dev/v1alpha1',
  kind: 'PackageInstall',
  namespace: 'apps',
  name: 'app',
};
const APP = { ...PKGI, apiVersion: 'kappctrl.k14s.io/v1alpha1', kind: 'App' };
const DELAY = 1000;

let cluster: KubeApiServer;
let now: number;
let reconciler: RunClusterKappController;
const log: string[] = [];

const asObject = (object: unknown) => object as KubeObject;
const store = () => cluster.store;
const installStatus = () => statusOf(store().get(PKGI));
const conditionOf = () => installStatus()?.conditions?.[0]?.type;
/** Two rounds: start reconciling, then (after the delay) the outcome. */
function reconcileFully() {
  reconciler.reconcileAll();
  now += DELAY;
  reconciler.reconcileAll();
}

beforeEach(async () => {
  cluster = await startKubeApiServer({ name: 'staging' });
  now = Date.parse('2024-05-01T12:00:00Z');
  log.length = 0;
  reconciler = new RunClusterKappController({
    cluster: 'staging',
    store: cluster.store,
    reconcileDelayMs: DELAY,
    now: () => now,
    log: line => log.push(line),
  });
  for (const version of ['20230321004057.0.0', '20230502101500.0.0']) {
    store().create(asObject(testPackage(version)));
  }
  store().create(asObject(valuesSecret('workload_name: app\nreplicas: 1\n')));
});

afterEach(() => cluster.close());

const SEE = 'Error (see .status.usefulErrorMessage for details)';

describe('RunClusterKappController', () => {
  it('reconciles a new PackageInstall: Reconciling while its App reconciles, then the App’s outcome', () => {
    const { status: _, ...install } = testPackageInstall();
    delete install.metadata.uid;
    store().create(asObject(install));

    reconciler.reconcileAll();
    const reconciling = store().get(PKGI)!;
    expect(reconciling.metadata.finalizers).toEqual([
      'finalizers.packageinstall.packaging.carvel.dev/delete',
    ]);
    expect(reconciling.status).toEqual({
      observedGeneration: 1,
      version: '20230502101500.0.0',
      lastAttemptedVersion: '20230502101500.0.0',
      conditions: [{ type: 'Reconciling', status: 'True' }],
      friendlyDescription: 'Reconciling',
    });
    expect(statusOf(store().get(APP))?.conditions?.[0].type).toBe(
      'Reconciling',
    );

    now += DELAY - 1;
    reconciler.reconcileAll();
    expect(conditionOf()).toBe('Reconciling');

    now += 1;
    reconciler.reconcileAll();
    expect(installStatus()).toMatchObject({
      conditions: [{ type: 'ReconcileSucceeded', status: 'True' }],
      friendlyDescription: 'Reconcile succeeded',
      version: '20230502101500.0.0',
    });
    const app = store().get(APP)!;
    expect(app.metadata.annotations).toMatchObject({
      'packaging.carvel.dev/package-version': '20230502101500.0.0',
      'demo.carvel-gitops.dev/simulated': 'true',
    });
    expect(app.metadata.finalizers).toEqual([
      'finalizers.kapp-ctrl.k14s.io/delete',
    ]);
    expect(app.metadata.ownerReferences).toEqual([
      expect.objectContaining({
        kind: 'PackageInstall',
        uid: reconciling.metadata.uid,
      }),
    ]);
    expect(app.status).toMatchObject({
      observedGeneration: app.metadata.generation,
      friendlyDescription: 'Reconcile succeeded',
      consecutiveReconcileSuccesses: 1,
      deploy: { updatedAt: '2024-05-01T12:00:01Z' },
    });
    expect(log).toEqual([
      'staging: PackageInstall apps/app: Reconciling (20230502101500.0.0)',
      'staging: App apps/app: Reconciling',
      'staging: App apps/app: Reconcile succeeded',
      'staging: PackageInstall apps/app: Reconcile succeeded (20230502101500.0.0)',
    ]);
  });

  it('upgrades when a newer Package arrives: the updated App reconciles the new version', () => {
    store().create(asObject(testPackageInstall()));
    reconcileFully();
    store().create(asObject(testPackage('20230612143000.0.0')));

    reconciler.reconcileAll();
    // The App's reconcile of its new generation makes the PackageInstall Reconciling in the same round.
    expect(conditionOf()).toBe('Reconciling');
    expect(installStatus()?.version).toBe('20230612143000.0.0');
    now += DELAY;
    reconciler.reconcileAll();
    expect(conditionOf()).toBe('ReconcileSucceeded');
    const app = store().get(APP)!;
    expect(
      app.metadata.annotations?.['packaging.carvel.dev/package-version'],
    ).toBe('20230612143000.0.0');
    expect(app.metadata.generation).toBe(2);
    expect(statusOf(app)?.observedGeneration).toBe(2);
  });

  it('leaves a pinned PackageInstall alone when a version it does not select arrives', () => {
    store().create(
      asObject(testPackageInstall({ constraints: '20230321004057.0.0' })),
    );
    reconcileFully();
    const before = store().get(PKGI)!.metadata.resourceVersion;
    const appBefore = store().get(APP)!.metadata.resourceVersion;
    store().create(asObject(testPackage('20230612143000.0.0')));
    reconcileFully();
    expect(store().get(PKGI)!.metadata.resourceVersion).toBe(before);
    expect(store().get(APP)!.metadata.resourceVersion).toBe(appBefore);
  });

  it('blocks a downgrade without touching the App', () => {
    store().create(asObject(testPackageInstall()));
    reconcileFully();
    const pinned = store().get(PKGI)!;
    store().update({
      ...pinned,
      spec: {
        ...(pinned.spec as object),
        packageRef: {
          refName: 'app.default.tap',
          versionSelection: { constraints: '20230321004057.0.0' },
        },
      },
    });
    reconcileFully();
    expect(installStatus()).toMatchObject({
      observedGeneration: 2,
      conditions: [{ type: 'ReconcileFailed', message: SEE }],
      version: '20230321004057.0.0',
      lastAttemptedVersion: '20230502101500.0.0',
      usefulErrorMessage: expect.stringMatching(
        /^Stopped installing matched version/,
      ),
    });
    expect(
      store().get(APP)!.metadata.annotations?.[
        'packaging.carvel.dev/package-version'
      ],
    ).toBe('20230502101500.0.0');
  });

  it('fails in the App’s template step when the values change, keeping the last deploy', () => {
    store().create(asObject(testPackageInstall()));
    reconcileFully();
    store().update(asObject(valuesSecret('replicas: "two"\n')));
    reconcileFully();
    expect(installStatus()).toMatchObject({
      conditions: [{ type: 'ReconcileFailed', message: SEE }],
      usefulErrorMessage: expect.stringContaining('= found: string'),
    });
    expect(store().get(APP)!.status).toMatchObject({
      friendlyDescription: `Reconcile failed: Templating dir: ${SEE}`,
      consecutiveReconcileFailures: 1,
      template: { exitCode: 1 },
      deploy: { exitCode: 0 },
    });
  });

  it('while the App reconciles again its old usefulErrorMessage stays on the App, not on the PackageInstall', () => {
    store().create(asObject(testPackageInstall()));
    reconcileFully();
    store().update(asObject(valuesSecret('replicas: "two"\n')));
    reconcileFully();
    store().update(asObject(valuesSecret('replicas: 3\n')));
    reconciler.reconcileAll();
    expect(statusOf(store().get(APP))).toMatchObject({
      conditions: [{ type: 'Reconciling' }],
      usefulErrorMessage: expect.stringContaining('= found: string'),
    });
    expect(installStatus()?.conditions?.[0].type).toBe('Reconciling');
    expect(installStatus()?.usefulErrorMessage).toBeUndefined();
  });

  it('passes paused to the App, which keeps its last condition (app_reconcile.go:38-44)', () => {
    store().create(asObject(testPackageInstall()));
    reconcileFully();
    const install = store().get(PKGI)!;
    store().update({
      ...install,
      spec: { ...(install.spec as object), paused: true },
    });
    reconcileFully();
    expect(statusOf(store().get(APP))).toMatchObject({
      observedGeneration: 2,
      conditions: [{ type: 'ReconcileSucceeded' }],
      friendlyDescription: 'Canceled/paused',
    });
    expect(installStatus()).toMatchObject({
      observedGeneration: 2,
      conditions: [{ type: 'ReconcileSucceeded' }],
    });
  });

  it('deletes a PackageInstall after its App went through Deleting, keeping the old usefulErrorMessage meanwhile', () => {
    store().create(asObject(testPackageInstall()));
    reconcileFully();
    store().update(asObject(valuesSecret('replicas: "two"\n')));
    reconcileFully();
    store().delete(PKGI);
    reconciler.reconcileAll();
    expect(installStatus()).toMatchObject({
      conditions: [{ type: 'Deleting', status: 'True' }],
      friendlyDescription: 'Deleting',
      usefulErrorMessage: expect.stringContaining('= found: string'),
    });
    expect(store().get(APP)!.metadata.deletionTimestamp).toBeDefined();
    now += DELAY;
    reconciler.reconcileAll();
    expect(store().get(APP)).toBeUndefined();
    expect(store().get(PKGI)).toBeUndefined();
  });
});
