import { startKubeApiServer } from '@carvel-gitops/kube-apiserver-sim';
import { BuildClusterApps } from './BuildClusterApps';
import { gitopsAppOutcome } from './gitopsAppStatus';

const APP_YAML = `---
apiVersion: kappctrl.k14s.io/v1alpha1
kind: App
metadata:
  name: app-default-tap-staging
  namespace: gitops-delivery
  labels:
    carvel.dev/cluster: staging
  annotations:
    carvel.dev/package-name: app.default.tap
spec:
  cluster:
    namespace: apps
    kubeconfigSecretRef: {name: staging-kubeconfig, key: value.yaml}
  fetch: []
  template: []
  deploy:
    - kapp: {intoNs: apps}
`;

function packageInstall(
  condition: string,
  extra: Record<string, unknown> = {},
) {
  return {
    apiVersion: 'packaging.carvel.dev/v1alpha1',
    kind: 'PackageInstall',
    metadata: { name: 'app', namespace: 'apps', generation: 1 },
    spec: {
      packageRef: {
        refName: 'app.default.tap',
        versionSelection: { constraints: '>=0.0.0' },
      },
    },
    status: {
      observedGeneration: 1,
      conditions: [{ type: condition, status: 'True' }],
      ...extra,
    },
  };
}

describe('BuildClusterApps', () => {
  it('applies the GitOps Apps and reports how their run cluster took the folder', async () => {
    const [build, staging] = [
      await startKubeApiServer({ name: 'build' }),
      await startKubeApiServer({ name: 'staging' }),
    ];
    try {
      build.store.create({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: 'gitops-delivery' },
      });
      staging.store.create({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: 'apps' },
      });
      const apps = new BuildClusterApps(
        build.store,
        [
          {
            name: 'staging',
            waitedPackageInstalls: () =>
              staging.store.list({
                apiVersion: 'packaging.carvel.dev/v1alpha1',
                kind: 'PackageInstall',
                namespace: 'apps',
              }),
          },
        ],
        () => 0,
      );
      const ref = {
        apiVersion: 'kappctrl.k14s.io/v1alpha1',
        kind: 'App',
        namespace: 'gitops-delivery',
        name: 'app-default-tap-staging',
      };

      expect(
        apps.deploy(new Map([['app.default.tap/apps/staging.yaml', APP_YAML]]))
          .changes,
      ).toEqual(['created App gitops-delivery/app-default-tap-staging']);
      staging.store.create(packageInstall('ReconcileSucceeded'));
      apps.reconcileAll(new Map());
      expect((build.store.get(ref) as any).status.conditions[0].type).toBe(
        'ReconcileSucceeded',
      );

      apps.reconcileAll(
        new Map([['staging', ['app.default.tap/staging: ytt failed']]]),
      );
      expect((build.store.get(ref) as any).status).toMatchObject({
        conditions: [{ type: 'ReconcileFailed' }],
        usefulErrorMessage: 'kapp: Error: app.default.tap/staging: ytt failed',
      });
      apps.reconcileAll(new Map());
      expect((build.store.get(ref) as any).status).toMatchObject({
        conditions: [{ type: 'ReconcileSucceeded' }],
        consecutiveReconcileSuccesses: 1,
      });
      expect((build.store.get(ref) as any).status.usefulErrorMessage).toBe(
        undefined,
      );

      apps.deploy(new Map());
      expect(build.store.get(ref)).toBeUndefined();
    } finally {
      await Promise.all([build.close(), staging.close()]);
    }
  });
});

describe('gitopsAppOutcome', () => {
  it("fails with kapp's printed wait error (see usefulErrorMessage), and waits while one reconciles", () => {
    const failed = packageInstall('ReconcileFailed', {
      usefulErrorMessage: 'ytt: Error: boom',
    });
    expect(gitopsAppOutcome({ packageInstalls: [failed as any] })).toEqual({
      reconciling: false,
      result: {
        error: 'Deploying: Error (see .status.usefulErrorMessage for details)',
        stderr:
          'kapp: Error: waiting on reconcile packageinstall/app (packaging.carvel.dev/v1alpha1) namespace: apps:\n' +
          '  Finished unsuccessfully (Reconcile failed:  (message: ytt: Error: boom))',
      },
    });
    expect(
      gitopsAppOutcome({
        packageInstalls: [packageInstall('Reconciling') as any],
      }),
    ).toEqual({ reconciling: true });
    expect(gitopsAppOutcome({ packageInstalls: [] })).toEqual({
      reconciling: false,
      result: {},
    });
  });

  it('fails on a paused PackageInstall whose last reconcile failed, as kapp does not read spec.paused', () => {
    const paused = {
      ...packageInstall('ReconcileFailed', { usefulErrorMessage: 'old' }),
      spec: { paused: true },
    };
    expect(
      gitopsAppOutcome({ packageInstalls: [paused as any] }).reconciling,
    ).toBe(false);
    expect(
      gitopsAppOutcome({ packageInstalls: [paused as any] }).result?.error,
    ).toBeDefined();
  });

  it('keeps waiting on a PackageInstall being deleted, and on a generation not yet observed', () => {
    const deleting = packageInstall('Deleting');
    (deleting.metadata as any).deletionTimestamp = '2024-05-01T12:00:00Z';
    expect(gitopsAppOutcome({ packageInstalls: [deleting as any] })).toEqual({
      reconciling: true,
    });
    const updated = packageInstall('ReconcileSucceeded');
    updated.metadata.generation = 2;
    expect(gitopsAppOutcome({ packageInstalls: [updated as any] })).toEqual({
      reconciling: true,
    });
  });
});
