import type { KubeObject } from '@carvel-gitops/kube-apiserver-sim';
import {
  type AppStatus,
  derivePackageInstallState,
} from '@carvel-gitops/plugin-carvel-common';
import {
  failedStatus,
  reconcilingStatus,
  SEE_USEFUL_ERROR_MESSAGE,
  succeededStatus,
} from './reconcile/carvelStatus';

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

/** The App status kapp-controller writes for an outcome. */
export function gitopsAppStatus(
  outcome: GitopsAppOutcome,
  generation: number,
  now: string,
): AppStatus {
  const failed = outcome.condition === 'ReconcileFailed';
  const fields = {
    observedGeneration: generation,
    deploy: {
      startedAt: now,
      updatedAt: now,
      finished: outcome.condition !== 'Reconciling',
      exitCode: failed ? 1 : 0,
    },
    fetch: { startedAt: now, updatedAt: now, exitCode: 0 },
  };
  switch (outcome.condition) {
    case 'ReconcileSucceeded':
      return succeededStatus<AppStatus>(fields);
    case 'Reconciling':
      return reconcilingStatus<AppStatus>(fields, generation);
    default:
      // Apps write the whole error into their description, unlike PackageInstalls.
      return failedStatus<AppStatus>(fields, {
        message: `Deploying: ${SEE_USEFUL_ERROR_MESSAGE}`,
        usefulErrorMessage: outcome.usefulErrorMessage,
        fullDescription: true,
      });
  }
}
