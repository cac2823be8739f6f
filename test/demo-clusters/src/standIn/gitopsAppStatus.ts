import type { KubeObject } from '@carvel-gitops/kube-apiserver-sim';
import { derivePackageInstallState } from '@carvel-gitops/plugin-carvel-common';

/** What a GitOps App on the build cluster reports, given how its run cluster took the folder. */
export interface GitopsAppOutcome {
  condition: 'ReconcileSucceeded' | 'ReconcileFailed' | 'Reconciling';
  usefulErrorMessage?: string;
}

/**
 * kapp waits for every PackageInstall it applies (carvel.md §6.3): a failing one fails the
 * outer App with kapp's wait message; one still reconciling keeps it Reconciling.
 */
export function gitopsAppOutcome(options: {
  deployFailure?: string;
  packageInstalls: KubeObject[];
}): GitopsAppOutcome {
  if (options.deployFailure) {
    return {
      condition: 'ReconcileFailed',
      usefulErrorMessage: `kapp: Error: ${options.deployFailure}`,
    };
  }
  for (const install of options.packageInstalls) {
    const state = derivePackageInstallState(install);
    if (state.status === 'failed') {
      return {
        condition: 'ReconcileFailed',
        usefulErrorMessage:
          `kapp: Error: waiting on reconcile packageinstall/${install.metadata.name} ` +
          `(packaging.carvel.dev/v1alpha1) namespace: ${install.metadata.namespace}:\n` +
          `  Finished unsuccessfully (Reconcile failed:  (message: ${
            state.message ?? state.description
          }))`,
      };
    }
  }
  if (
    options.packageInstalls.some(
      i => derivePackageInstallState(i).status === 'reconciling',
    )
  ) {
    return { condition: 'Reconciling' };
  }
  return { condition: 'ReconcileSucceeded' };
}

const SEE_USEFUL_ERROR_MESSAGE =
  'Error (see .status.usefulErrorMessage for details)';

/** The App status kapp-controller writes for an outcome. */
export function gitopsAppStatus(
  outcome: GitopsAppOutcome,
  generation: number,
  now: string,
) {
  const failed = outcome.condition === 'ReconcileFailed';
  const friendly: Record<GitopsAppOutcome['condition'], string> = {
    ReconcileSucceeded: 'Reconcile succeeded',
    Reconciling: 'Reconciling',
    ReconcileFailed: `Reconcile failed: Deploying: ${SEE_USEFUL_ERROR_MESSAGE}`,
  };
  return {
    observedGeneration: generation,
    conditions: [
      {
        type: outcome.condition,
        status: 'True',
        ...(failed
          ? { message: `Deploying: ${SEE_USEFUL_ERROR_MESSAGE}` }
          : {}),
      },
    ],
    friendlyDescription: friendly[outcome.condition],
    ...(outcome.usefulErrorMessage
      ? { usefulErrorMessage: outcome.usefulErrorMessage }
      : {}),
    deploy: {
      startedAt: now,
      updatedAt: now,
      finished: outcome.condition !== 'Reconciling',
      exitCode: failed ? 1 : 0,
    },
    fetch: { startedAt: now, updatedAt: now, exitCode: 0 },
  };
}
