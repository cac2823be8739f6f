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
        [{ name: 'staging', store: staging.store }],
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

      apps.deploy(new Map());
      expect(build.store.get(ref)).toBeUndefined();
    } finally {
      await Promise.all([build.close(), staging.close()]);
    }
  });
});

describe('gitopsAppOutcome', () => {
  it("fails with kapp's wait message when a PackageInstall failed, and waits while one reconciles", () => {
    const failed = packageInstall('ReconcileFailed', {
      usefulErrorMessage: 'ytt: Error: boom',
    });
    expect(gitopsAppOutcome({ packageInstalls: [failed as any] })).toEqual({
      condition: 'ReconcileFailed',
      usefulErrorMessage:
        'kapp: Error: waiting on reconcile packageinstall/app (packaging.carvel.dev/v1alpha1) namespace: apps:\n' +
        '  Finished unsuccessfully (Reconcile failed:  (message: ytt: Error: boom))',
    });
    expect(
      gitopsAppOutcome({
        packageInstalls: [packageInstall('Reconciling') as any],
      }),
    ).toEqual({ condition: 'Reconciling' });
    expect(gitopsAppOutcome({ packageInstalls: [] })).toEqual({
      condition: 'ReconcileSucceeded',
    });
  });
});
