import type { AppStatus } from '@carvel-gitops/plugin-carvel-common';

/** What a fetch, template or deploy step gave: kapp-controller's exec.CmdRunResult, reduced. */
export interface StepResult {
  /** result.ErrorStr(): absent on success. */
  error?: string;
  stderr?: string;
}

type AppStatusWithCounters = AppStatus & Record<string, unknown>;

function without<T extends object>(status: T, field: string): T {
  const { [field]: _removed, ...rest } = status as Record<string, unknown>;
  return rest as T;
}

/**
 * An App reconcile starting (pkg/app/app_reconcile.go at e4b4822, reconcileDeploy:85-86 with
 * setReconciling:266-276): observes the generation; unlike a PackageInstall it keeps usefulErrorMessage.
 */
export function appSetReconciling<T extends AppStatus>(
  status: T,
  generation: number | undefined,
): T {
  return {
    ...status,
    observedGeneration: generation,
    conditions: [{ type: 'Reconciling', status: 'True' }],
    friendlyDescription: 'Reconciling',
  };
}

/**
 * setReconcileCompleted, app_reconcile.go:278-304: the whole error goes into the description,
 * usefulErrorMessage is stderr or else the error (setUsefulErrorMessage:341-348), counters move.
 */
export function appSetReconcileCompleted<T extends AppStatusWithCounters>(
  status: T,
  result: StepResult,
): T {
  const successes = status.consecutiveReconcileSuccesses ?? 0;
  const failures = status.consecutiveReconcileFailures ?? 0;
  if (result.error === undefined) {
    return without(
      without(
        {
          ...status,
          conditions: [{ type: 'ReconcileSucceeded', status: 'True' }],
          consecutiveReconcileSuccesses: successes + 1,
          friendlyDescription: 'Reconcile succeeded',
        },
        'usefulErrorMessage',
      ),
      'consecutiveReconcileFailures',
    );
  }
  return without(
    {
      ...status,
      conditions: [
        { type: 'ReconcileFailed', status: 'True', message: result.error },
      ],
      consecutiveReconcileFailures: failures + 1,
      friendlyDescription: `Reconcile failed: ${result.error}`,
      usefulErrorMessage: result.stderr || result.error,
    },
    'consecutiveReconcileSuccesses',
  );
}

/** reconcileDelete, app_reconcile.go:59-61 with setDeleting:306-316; usefulErrorMessage stays. */
export function appSetDeleting<T extends AppStatus>(
  status: T,
  generation: number | undefined,
): T {
  return {
    ...status,
    observedGeneration: generation,
    conditions: [{ type: 'Deleting', status: 'True' }],
    friendlyDescription: 'Deleting',
  };
}

/** A paused or canceled App, app_reconcile.go:38-44: observed, described, conditions left as they were. */
export function appCanceledOrPaused<T extends AppStatus>(
  status: T,
  generation: number | undefined,
): T {
  return {
    ...status,
    observedGeneration: generation,
    friendlyDescription: 'Canceled/paused',
  };
}
