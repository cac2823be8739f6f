import {
  type KubeApiServer,
  type KubeObject,
  startKubeApiServer,
} from '@carvel-gitops/kube-apiserver-sim';
import { derivePackageInstallState } from '@carvel-gitops/plugin-carvel-common';
import {
  testPackage,
  testPackageInstall,
  valuesSecret,
} from '../__testUtils__/carvelObjects';
import { statusOf } from '../__testUtils__/statusOf';
import { PackageInstallReconciler } from './PackageInstallReconciler';

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
let reconciler: PackageInstallReconciler;
const log: string[] = [];

const asObject = (object: unknown) => object as KubeObject;
const store = () => cluster.store;
const stateOf = () => derivePackageInstallState(store().get(PKGI));
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
  reconciler = new PackageInstallReconciler({
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

describe('PackageInstallReconciler', () => {
  it('reconciles a new PackageInstall: Reconciling for the delay, then succeeded with its App', () => {
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
      conditions: [{ type: 'Reconciling', status: 'True' }],
      friendlyDescription: 'Reconciling',
    });
    expect(stateOf().status).toBe('reconciling');

    now += DELAY - 1;
    reconciler.reconcileAll();
    expect(stateOf().status).toBe('reconciling');
    expect(store().get(APP)).toBeUndefined();

    now += 1;
    reconciler.reconcileAll();
    expect(stateOf()).toMatchObject({
      status: 'succeeded',
      description: 'Reconcile succeeded',
      version: '20230502101500.0.0',
    });
    const app = store().get(APP)!;
    expect(app.metadata.annotations).toMatchObject({
      'packaging.carvel.dev/package-version': '20230502101500.0.0',
      'demo.carvel-gitops.dev/simulated': 'true',
    });
    expect(app.metadata.ownerReferences).toEqual([
      expect.objectContaining({
        kind: 'PackageInstall',
        uid: reconciling.metadata.uid,
      }),
    ]);
    expect(app.status).toMatchObject({
      observedGeneration: app.metadata.generation,
      friendlyDescription: 'Reconcile succeeded',
      deploy: { updatedAt: '2024-05-01T12:00:01Z' },
    });
    expect(log).toEqual([
      'staging: PackageInstall apps/app: Reconciling',
      'staging: PackageInstall apps/app: Reconcile succeeded (20230502101500.0.0)',
    ]);
  });

  it('upgrades a PackageInstall that follows the newest version when a newer Package arrives', () => {
    store().create(asObject(testPackageInstall()));
    reconcileFully();
    store().create(asObject(testPackage('20230612143000.0.0')));

    reconciler.reconcileAll();
    expect(stateOf().status).toBe('reconciling');
    now += DELAY;
    reconciler.reconcileAll();
    expect(stateOf().version).toBe('20230612143000.0.0');
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
    store().create(asObject(testPackage('20230612143000.0.0')));
    reconcileFully();
    expect(store().get(PKGI)!.metadata.resourceVersion).toBe(before);
  });

  it('reconciles again when the spec changes, and blocks a downgrade without touching the App', () => {
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
    expect(stateOf().pendingSpecChange).toBe(true);
    reconcileFully();
    expect(stateOf()).toMatchObject({
      status: 'failed',
      version: '20230321004057.0.0',
      lastAttemptedVersion: '20230502101500.0.0',
      message: expect.stringMatching(/^Stopped installing matched version/),
    });
    expect(statusOf(store().get(PKGI))?.observedGeneration).toBe(2);
    expect(
      store().get(APP)!.metadata.annotations?.[
        'packaging.carvel.dev/package-version'
      ],
    ).toBe('20230502101500.0.0');
  });

  it('reconciles again when the values change', () => {
    store().create(asObject(testPackageInstall()));
    reconcileFully();
    store().update(asObject(valuesSecret('replicas: "two"\n')));
    reconcileFully();
    expect(stateOf()).toMatchObject({
      status: 'failed',
      message: expect.stringContaining('= found: string'),
    });
    expect(store().get(APP)!.status).toMatchObject({
      friendlyDescription:
        'Reconcile failed: Templating dir: Error (see .status.usefulErrorMessage for details)',
      deploy: { exitCode: 0 },
    });
  });

  it('deletes a PackageInstall after a Deleting phase, with its App', () => {
    store().create(asObject(testPackageInstall()));
    reconcileFully();
    store().delete(PKGI);
    reconciler.reconcileAll();
    expect(stateOf().status).toBe('deleting');
    now += DELAY;
    reconciler.reconcileAll();
    expect(store().get(PKGI)).toBeUndefined();
    expect(store().get(APP)).toBeUndefined();
  });
});
