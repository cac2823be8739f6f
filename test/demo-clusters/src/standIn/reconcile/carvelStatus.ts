import type { GenericStatus } from '@carvel-gitops/plugin-carvel-common';

export { SEE_USEFUL_ERROR_MESSAGE } from '@carvel-gitops/plugin-carvel-common';

type WithoutConditionFields<T extends GenericStatus> = Omit<
  T,
  'conditions' | 'friendlyDescription' | 'usefulErrorMessage'
>;

/** kapp-controller's friendlyErrMsg: the first line, cut at 80 characters, with "..." when anything was left out. */
export function friendlyErrorMessage(text: string): string {
  const [first, ...rest] = text.split('\n');
  if (first.length > 80) return `${first.slice(0, 80)}...`;
  return rest.length > 0 ? `${first}...` : first;
}

/** Start of a reconcile: observe the generation, one Reconciling condition, no error. */
export function reconcilingStatus<T extends GenericStatus>(
  previous: T | undefined,
  generation: number | undefined,
): T {
  const { usefulErrorMessage: _cleared, ...rest } = (previous ?? {}) as T;
  return {
    ...rest,
    observedGeneration: generation,
    conditions: [{ type: 'Reconciling', status: 'True' }],
    friendlyDescription: 'Reconciling',
  } as T;
}

export function succeededStatus<T extends GenericStatus>(
  fields: WithoutConditionFields<T>,
): T {
  return {
    ...fields,
    conditions: [{ type: 'ReconcileSucceeded', status: 'True' }],
    friendlyDescription: 'Reconcile succeeded',
  } as T;
}

/**
 * A failed reconcile. PackageInstalls shorten the description (friendlyErrMsg); Apps write
 * the whole error.
 */
export function failedStatus<T extends GenericStatus>(
  fields: WithoutConditionFields<T>,
  failure: {
    message: string;
    usefulErrorMessage?: string;
    fullDescription?: boolean;
  },
): T {
  const description = `Reconcile failed: ${failure.message}`;
  return {
    ...fields,
    conditions: [
      { type: 'ReconcileFailed', status: 'True', message: failure.message },
    ],
    friendlyDescription: failure.fullDescription
      ? description
      : friendlyErrorMessage(description),
    ...(failure.usefulErrorMessage
      ? { usefulErrorMessage: failure.usefulErrorMessage }
      : {}),
  } as T;
}

export function deletingStatus<T extends GenericStatus>(
  previous: T | undefined,
): T {
  const { usefulErrorMessage: _cleared, ...rest } = (previous ?? {}) as T;
  return {
    ...rest,
    conditions: [{ type: 'Deleting', status: 'True' }],
    friendlyDescription: 'Deleting',
  } as T;
}
