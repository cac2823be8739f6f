import { startKubeApiServer } from '@carvel-gitops/kube-apiserver-sim';
import {
  fetchedCommitOf,
  readGitopsAppDelivery,
} from '@carvel-gitops/plugin-carvel-common';
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
  fetch:
    - git: {url: https://github.com/example-org/gitops.git, ref: origin/main, subPath: app.default.tap/packages}
    - git: {url: https://github.com/example-org/gitops.git, ref: origin/main, subPath: app.default.tap/staging}
  template: []
  deploy:
    - kapp: {intoNs: apps}
`;

const FIRST_COMMIT = {
  sha: '1111111111111111111111111111111111111111',
  message: 'first',
};
const SECOND_COMMIT = {
  sha: '2222222222222222222222222222222222222222',
  message: 'second',
};

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
        apps.deploy(
          new Map([['app.default.tap/apps/staging.yaml', APP_YAML]]),
          FIRST_COMMIT,
        ).changes,
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

      apps.deploy(new Map(), FIRST_COMMIT);
      expect(build.store.get(ref)).toBeUndefined();
    } finally {
      await Promise.all([build.close(), staging.close()]);
    }
  });
});

describe('BuildClusterApps status.fetch', () => {
  const ref = {
    apiVersion: 'kappctrl.k14s.io/v1alpha1',
    kind: 'App',
    namespace: 'gitops-delivery',
    name: 'app-default-tap-staging',
  };
  const files = new Map([['app.default.tap/apps/staging.yaml', APP_YAML]]);

  it('writes the commit each reconcile fetched, keeps the fetch of a reconcile in progress, and reads back through readGitopsAppDelivery', async () => {
    const build = await startKubeApiServer({ name: 'build' });
    try {
      build.store.create({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: 'gitops-delivery' },
      });
      let now = Date.parse('2026-01-01T10:00:00Z');
      let waited = [packageInstall('ReconcileSucceeded')];
      const apps = new BuildClusterApps(
        build.store,
        [{ name: 'staging', waitedPackageInstalls: () => waited as any }],
        () => now,
      );
      const app = () => build.store.get(ref) as any;

      apps.deploy(files, FIRST_COMMIT);
      apps.reconcileAll(new Map());
      // reconcileFetchTemplateDeploy, kapp-controller pkg/app/app_reconcile.go:125-137 at e4b4822.
      expect(app().status.fetch).toEqual({
        exitCode: 0,
        startedAt: '2026-01-01T10:00:00Z',
        updatedAt: '2026-01-01T10:00:00Z',
        stdout: expect.stringContaining('kind: LockConfig'),
      });
      expect(readGitopsAppDelivery(app())).toEqual({
        packageName: 'app.default.tap',
        targetCluster: 'staging',
        fetchedCommit: FIRST_COMMIT.sha,
        deployedCommit: FIRST_COMMIT.sha,
      });

      now += 5000;
      const changed = packageInstall('ReconcileSucceeded');
      changed.metadata.generation = 2;
      waited = [changed];
      apps.deploy(files, SECOND_COMMIT);
      apps.reconcileAll(new Map());
      expect(app().status.conditions[0].type).toBe('Reconciling');
      expect(fetchedCommitOf(app())).toBe(SECOND_COMMIT.sha);
      expect(readGitopsAppDelivery(app()).deployedCommit).toBeUndefined();

      now += 5000;
      changed.status.observedGeneration = 2;
      apps.reconcileAll(new Map());
      expect(app().status).toMatchObject({
        conditions: [{ type: 'ReconcileSucceeded' }],
        fetch: {
          startedAt: '2026-01-01T10:00:05Z',
          updatedAt: '2026-01-01T10:00:05Z',
        },
        deploy: {
          startedAt: '2026-01-01T10:00:05Z',
          updatedAt: '2026-01-01T10:00:10Z',
          finished: true,
        },
      });
      expect(readGitopsAppDelivery(app()).deployedCommit).toBe(
        SECOND_COMMIT.sha,
      );
    } finally {
      await build.close();
    }
  });

  it('fails the reconcile at the fetch for an App without fetch options, leaving no fetched commit', async () => {
    const build = await startKubeApiServer({ name: 'build' });
    try {
      build.store.create({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: 'gitops-delivery' },
      });
      const apps = new BuildClusterApps(
        build.store,
        [{ name: 'staging', waitedPackageInstalls: () => [] }],
        () => 0,
      );
      apps.deploy(
        new Map([
          [
            'app.default.tap/apps/staging.yaml',
            APP_YAML.replace(/ {2}fetch:\n( {4}.*\n)+/, '  fetch: []\n'),
          ],
        ]),
        FIRST_COMMIT,
      );
      apps.reconcileAll(new Map());
      const status = (build.store.get(ref) as any).status;
      expect(status).toMatchObject({
        conditions: [
          {
            type: 'ReconcileFailed',
            message: 'Expected at least one fetch option',
          },
        ],
        usefulErrorMessage: 'Expected at least one fetch option',
        fetch: { exitCode: -1, error: 'Expected at least one fetch option' },
      });
      expect(status.deploy).toBeUndefined();
      expect(fetchedCommitOf(build.store.get(ref))).toBeUndefined();
    } finally {
      await build.close();
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
