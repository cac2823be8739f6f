import type { KubeObject } from '@carvel-gitops/kube-apiserver-sim';

/** kapp's DoneApplyState (pkg/kapp/resourcesmisc/done_apply_state.go at a89576c). */
export interface DoneApplyState {
  done: boolean;
  successful: boolean;
  message: string;
}

interface WaitedCondition {
  type?: unknown;
  status?: unknown;
  reason?: unknown;
  message?: unknown;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * kapp's wait rule for a PackageInstall (and an App: the two files are the same rule),
 * pkg/kapp/resourcesmisc/packaging_carvel_dev_v1alpha1_packageinstall.go:35-74 at a89576c.
 * spec.paused is not read: a paused PackageInstall with ReconcileFailed fails the wait.
 */
export function packageInstallDoneApplying(object: KubeObject): DoneApplyState {
  const status = (object.status ?? {}) as {
    observedGeneration?: unknown;
    conditions?: unknown;
    usefulErrorMessage?: unknown;
  };
  const generation = object.metadata.generation ?? 0;
  // Go reads a missing observedGeneration as 0 (lines 44-47).
  const observed =
    typeof status.observedGeneration === 'number'
      ? status.observedGeneration
      : 0;
  if (generation !== observed) {
    return {
      done: false,
      successful: false,
      message: `Waiting for generation ${generation} to be observed`,
    };
  }
  const conditions = Array.isArray(status.conditions)
    ? (status.conditions as WaitedCondition[])
    : [];
  for (const condition of conditions) {
    const errorMessage =
      text(status.usefulErrorMessage) || text(condition?.message);
    if (condition?.status !== 'True') continue;
    const reason = text(condition.reason);
    switch (condition.type) {
      case 'Reconciling':
        return { done: false, successful: false, message: 'Reconciling' };
      case 'ReconcileFailed':
        return {
          done: true,
          successful: false,
          message: `Reconcile failed: ${reason} (message: ${errorMessage})`,
        };
      case 'DeleteFailed':
        return {
          done: true,
          successful: false,
          message: `Delete failed: ${reason} (message: ${errorMessage})`,
        };
      default:
    }
  }
  if (object.metadata.deletionTimestamp) {
    return deletingDoneApplying(object);
  }
  return { done: true, successful: true, message: '' };
}

/** pkg/kapp/resourcesmisc/deleting.go:24-30: a resource being deleted is never done. */
function deletingDoneApplying(object: KubeObject): DoneApplyState {
  const finalizers = object.metadata.finalizers ?? [];
  return {
    done: false,
    successful: false,
    message:
      finalizers.length > 0
        ? `Waiting on finalizers: ${finalizers.join(', ')}`
        : 'Deleting',
  };
}

/** The error kapp reports for a wait that finished unsuccessfully (pkg/kapp/clusterapply/waiting_changes.go:93,116-121). */
export function waitFailure(object: KubeObject, state: DoneApplyState): string {
  const message = state.message ? ` (${state.message})` : '';
  return `waiting on reconcile ${resourceDescription(
    object,
  )}: Finished unsuccessfully${message}`;
}

/** kapp's Resource.Description, pkg/kapp/resources/resource.go:188-199. */
export function resourceDescription(object: KubeObject): string {
  const where = object.metadata.namespace
    ? ` namespace: ${object.metadata.namespace}`
    : ' cluster';
  return `${object.kind.toLowerCase()}/${object.metadata.name} (${
    object.apiVersion
  })${where}`;
}
