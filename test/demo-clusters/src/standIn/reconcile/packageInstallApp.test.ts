import {
  testPackage,
  testPackageInstall,
} from '../../__testUtils__/carvelObjects';
import {
  packageInstallApp,
  packageInstallAppStatus,
} from './packageInstallApp';

const deployment = {
  package: testPackage('20230612143000.0.0'),
  version: '20230612143000.0.0',
};

describe('packageInstallApp', () => {
  it('is the Package template with the PackageInstall’s service account and values, owned by it', () => {
    expect(packageInstallApp(testPackageInstall(), deployment)).toEqual({
      apiVersion: 'kappctrl.k14s.io/v1alpha1',
      kind: 'App',
      metadata: {
        name: 'app',
        namespace: 'apps',
        annotations: {
          'packaging.carvel.dev/package-ref-name': 'app.default.tap',
          'packaging.carvel.dev/package-version': '20230612143000.0.0',
          'demo.carvel-gitops.dev/simulated': 'true',
        },
        ownerReferences: [
          {
            apiVersion: 'packaging.carvel.dev/v1alpha1',
            kind: 'PackageInstall',
            name: 'app',
            uid: 'pkgi-uid',
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: {
        fetch: [
          {
            imgpkgBundle: {
              image: 'registry.example.com/app@20230612143000.0.0',
            },
          },
        ],
        template: [
          {
            ytt: {
              paths: ['.'],
              valuesFrom: [{ secretRef: { name: 'app-values' } }],
            },
          },
          { kbld: { paths: ['-'] } },
        ],
        deploy: [{ kapp: {} }],
        syncPeriod: '10m0s',
        serviceAccountName: 'app-installer',
      },
    });
  });

  it('leaves the template alone without values', () => {
    const app = packageInstallApp(
      testPackageInstall({ values: [] }),
      deployment,
    );
    expect(app.spec.template?.[0]).toEqual({ ytt: { paths: ['.'] } });
  });
});

describe('packageInstallAppStatus', () => {
  const now = '2024-05-01T12:00:00Z';

  it('reports a simulated deploy on success', () => {
    expect(
      packageInstallAppStatus(deployment, {
        generation: 2,
        previous: { consecutiveReconcileSuccesses: 1 },
        now,
      }),
    ).toEqual({
      observedGeneration: 2,
      consecutiveReconcileSuccesses: 2,
      fetch: { exitCode: 0, startedAt: now, updatedAt: now },
      template: { exitCode: 0, updatedAt: now },
      deploy: {
        exitCode: 0,
        finished: true,
        startedAt: now,
        updatedAt: now,
        stdout:
          'Simulated by the demo kapp-controller stand-in: nothing was deployed.\nSucceeded',
      },
      conditions: [{ type: 'ReconcileSucceeded', status: 'True' }],
      friendlyDescription: 'Reconcile succeeded',
    });
  });

  it('keeps the last deploy when templating fails', () => {
    const lastDeploy = { exitCode: 0, updatedAt: '2024-04-01T00:00:00Z' };
    const status = packageInstallAppStatus(
      {
        ...deployment,
        templateFailure: {
          message:
            'Templating dir: Error (see .status.usefulErrorMessage for details)',
          stderr: 'ytt: Error: ...\n',
        },
      },
      { generation: 3, previous: { deploy: lastDeploy }, now },
    );
    expect(status).toEqual({
      observedGeneration: 3,
      consecutiveReconcileFailures: 1,
      fetch: { exitCode: 0, startedAt: now, updatedAt: now },
      template: {
        exitCode: 1,
        error:
          'Templating dir: Error (see .status.usefulErrorMessage for details)',
        stderr: 'ytt: Error: ...\n',
        updatedAt: now,
      },
      deploy: lastDeploy,
      conditions: [
        {
          type: 'ReconcileFailed',
          status: 'True',
          message:
            'Templating dir: Error (see .status.usefulErrorMessage for details)',
        },
      ],
      friendlyDescription:
        'Reconcile failed: Templating dir: Error (see .status.usefulErrorMessage for details)',
      usefulErrorMessage: 'ytt: Error: ...\n',
    });
  });
});
