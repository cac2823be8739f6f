import type { KubeObject } from '@carvel-gitops/kube-apiserver-sim';
import { packageInstallDoneApplying, waitFailure } from './kappWaitRule';

function packageInstall(
  status: Record<string, unknown>,
  metadata: Partial<KubeObject['metadata']> = {},
  spec: Record<string, unknown> = {},
): KubeObject {
  return {
    apiVersion: 'packaging.carvel.dev/v1alpha1',
    kind: 'PackageInstall',
    metadata: {
      name: 'test-pkgi',
      namespace: 'apps',
      generation: 1,
      ...metadata,
    },
    spec,
    status,
  };
}

const failedWith = (usefulErrorMessage: string) => ({
  observedGeneration: 1,
  conditions: [
    {
      type: 'ReconcileFailed',
      status: 'True',
      message: 'Truncated error message',
    },
  ],
  usefulErrorMessage,
});

// kapp pkg/kapp/resourcesmisc/packaging_carvel_dev_v1alpha1_packageinstall.go at a89576c
describe('packageInstallDoneApplying', () => {
  it('fails with usefulErrorMessage, else the condition message (TestPackagingCarvelDevV1alpha1PackageInstallFailure)', () => {
    expect(
      packageInstallDoneApplying(
        packageInstall(failedWith('Detailed error message')),
      ),
    ).toEqual({
      done: true,
      successful: false,
      message: 'Reconcile failed:  (message: Detailed error message)',
    });
    expect(packageInstallDoneApplying(packageInstall(failedWith('')))).toEqual({
      done: true,
      successful: false,
      message: 'Reconcile failed:  (message: Truncated error message)',
    });
  });

  it('fails on ReconcileFailed and DeleteFailed even when paused (lines 49-66 never read spec.paused)', () => {
    expect(
      packageInstallDoneApplying(
        packageInstall(failedWith('boom'), {}, { paused: true }),
      ),
    ).toMatchObject({ done: true, successful: false });
    expect(
      packageInstallDoneApplying(
        packageInstall(
          {
            observedGeneration: 1,
            conditions: [
              { type: 'DeleteFailed', status: 'True', message: 'm' },
            ],
          },
          {},
          { canceled: true },
        ),
      ),
    ).toEqual({
      done: true,
      successful: false,
      message: 'Delete failed:  (message: m)',
    });
  });

  it('waits for the generation to be observed (lines 44-47), a missing observedGeneration being 0', () => {
    expect(
      packageInstallDoneApplying(packageInstall({}, { generation: 2 })),
    ).toEqual({
      done: false,
      successful: false,
      message: 'Waiting for generation 2 to be observed',
    });
  });

  it('waits while Reconciling (line 55-56) and is done on ReconcileSucceeded with the generation observed', () => {
    expect(
      packageInstallDoneApplying(
        packageInstall({
          observedGeneration: 1,
          conditions: [{ type: 'Reconciling', status: 'True' }],
        }),
      ),
    ).toMatchObject({ done: false, message: 'Reconciling' });
    expect(
      packageInstallDoneApplying(
        packageInstall({
          observedGeneration: 1,
          conditions: [{ type: 'ReconcileSucceeded', status: 'True' }],
        }),
      ),
    ).toEqual({ done: true, successful: true, message: '' });
  });

  it('keeps waiting while deleting (lines 68-71, deleting.go:24-30)', () => {
    const deleting = packageInstall(
      {
        observedGeneration: 2,
        conditions: [{ type: 'Deleting', status: 'True' }],
      },
      {
        generation: 2,
        deletionTimestamp: '2024-05-01T12:00:00Z',
        finalizers: ['finalizers.packageinstall.packaging.carvel.dev/delete'],
      },
    );
    expect(packageInstallDoneApplying(deleting)).toEqual({
      done: false,
      successful: false,
      message:
        'Waiting on finalizers: finalizers.packageinstall.packaging.carvel.dev/delete',
    });
  });

  it("words a failed wait as kapp's waiting_changes.go:93,121 does", () => {
    const install = packageInstall(failedWith('boom'));
    expect(waitFailure(install, packageInstallDoneApplying(install))).toBe(
      'waiting on reconcile packageinstall/test-pkgi (packaging.carvel.dev/v1alpha1) namespace: apps: ' +
        'Finished unsuccessfully (Reconcile failed:  (message: boom))',
    );
  });
});
