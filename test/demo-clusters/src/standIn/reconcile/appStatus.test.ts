import {
  appCanceledOrPaused,
  appSetDeleting,
  appSetReconcileCompleted,
  appSetReconciling,
} from './appStatus';

// Rules of kapp-controller pkg/app/app_reconcile.go at e4b4822.
describe('App status transitions', () => {
  const failed = {
    observedGeneration: 1,
    consecutiveReconcileFailures: 2,
    conditions: [{ type: 'ReconcileFailed', status: 'True', message: 'x' }],
    friendlyDescription: 'Reconcile failed: x',
    usefulErrorMessage: 'ytt: Error: old',
  };

  it('setReconciling (266-276) keeps the old usefulErrorMessage, unlike a PackageInstall', () => {
    expect(appSetReconciling(failed, 2)).toEqual({
      ...failed,
      observedGeneration: 2,
      conditions: [{ type: 'Reconciling', status: 'True' }],
      friendlyDescription: 'Reconciling',
    });
  });

  it('setDeleting (306-316) keeps it too', () => {
    expect(appSetDeleting(failed, 2)).toMatchObject({
      conditions: [{ type: 'Deleting', status: 'True' }],
      friendlyDescription: 'Deleting',
      usefulErrorMessage: 'ytt: Error: old',
    });
  });

  it('setReconcileCompleted (278-304): the whole error in the description, stderr as usefulErrorMessage, counters', () => {
    const error =
      'Templating dir: Error (see .status.usefulErrorMessage for details)';
    expect(
      appSetReconcileCompleted(failed, { error, stderr: 'ytt: Error: new' }),
    ).toEqual({
      observedGeneration: 1,
      consecutiveReconcileFailures: 3,
      conditions: [{ type: 'ReconcileFailed', status: 'True', message: error }],
      friendlyDescription: `Reconcile failed: ${error}`,
      usefulErrorMessage: 'ytt: Error: new',
    });
    expect(
      appSetReconcileCompleted(failed, { error: 'Fetching: no' })
        .usefulErrorMessage,
    ).toBe('Fetching: no');
    expect(appSetReconcileCompleted(failed, {})).toEqual({
      observedGeneration: 1,
      consecutiveReconcileSuccesses: 1,
      conditions: [{ type: 'ReconcileSucceeded', status: 'True' }],
      friendlyDescription: 'Reconcile succeeded',
    });
  });

  it('a paused or canceled App (38-44) is observed and described, its conditions left as they were', () => {
    expect(appCanceledOrPaused(failed, 4)).toEqual({
      ...failed,
      observedGeneration: 4,
      friendlyDescription: 'Canceled/paused',
    });
  });
});
