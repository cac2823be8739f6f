import {
  friendlyErrorMessage,
  setDeleteFailed,
  setDeleting,
  setReconcileCompleted,
  setReconciling,
} from './carvelStatus';

// Rules of kapp-controller pkg/reconciler/status.go at e4b4822.
describe('friendlyErrorMessage (status.go:136-144)', () => {
  it('keeps a short single line', () => {
    expect(friendlyErrorMessage('Reconcile failed: boom')).toBe(
      'Reconcile failed: boom',
    );
  });

  it('cuts the first line at 80 bytes', () => {
    expect(friendlyErrorMessage('x'.repeat(81))).toBe(`${'x'.repeat(80)}...`);
    expect(friendlyErrorMessage('x'.repeat(80))).toBe('x'.repeat(80));
  });

  it('counts bytes as Go does: a cut character becomes one U+FFFD per byte kept', () => {
    // 78 ASCII bytes, then "é" (2 bytes) fits exactly; "€" (3 bytes) is cut after 2 of them
    expect(friendlyErrorMessage(`${'x'.repeat(78)}éz`)).toBe(
      `${'x'.repeat(78)}é...`,
    );
    expect(friendlyErrorMessage(`${'x'.repeat(78)}€`)).toBe(
      `${'x'.repeat(78)}\ufffd\ufffd...`,
    );
    expect(friendlyErrorMessage('é'.repeat(40))).toBe('é'.repeat(40));
  });

  it('marks that further lines were left out', () => {
    expect(friendlyErrorMessage('first\nsecond')).toBe('first...');
  });
});

describe('PackageInstall status transitions (status.go)', () => {
  const failed = {
    observedGeneration: 1,
    version: '1.0.0',
    conditions: [{ type: 'ReconcileFailed', status: 'True', message: 'x' }],
    friendlyDescription: 'Reconcile failed: x',
    usefulErrorMessage: 'old error',
  };

  it('SetReconciling (67-80) observes the generation and clears usefulErrorMessage, keeping versions', () => {
    expect(setReconciling(failed, 2)).toEqual({
      observedGeneration: 2,
      version: '1.0.0',
      conditions: [{ type: 'Reconciling', status: 'True' }],
      friendlyDescription: 'Reconciling',
    });
  });

  it('SetDeleting (82-94) observes the generation and keeps the old usefulErrorMessage', () => {
    expect(setDeleting(failed, 3)).toEqual({
      observedGeneration: 3,
      version: '1.0.0',
      conditions: [{ type: 'Deleting', status: 'True' }],
      friendlyDescription: 'Deleting',
      usefulErrorMessage: 'old error',
    });
  });

  it('SetReconcileCompleted (96-117): success clears usefulErrorMessage, a failure keeps it and cuts the description', () => {
    expect(setReconcileCompleted(failed)).toEqual({
      observedGeneration: 1,
      version: '1.0.0',
      conditions: [{ type: 'ReconcileSucceeded', status: 'True' }],
      friendlyDescription: 'Reconcile succeeded',
    });
    const error = `Expected to find at least one version\nsecond line`;
    expect(setReconcileCompleted(failed, error)).toMatchObject({
      conditions: [{ type: 'ReconcileFailed', status: 'True', message: error }],
      friendlyDescription:
        'Reconcile failed: Expected to find at least one version...',
      usefulErrorMessage: 'old error',
    });
  });

  it('SetDeleteCompleted with an error (119-134) is DeleteFailed', () => {
    expect(setDeleteFailed(failed, 'gone wrong')).toMatchObject({
      conditions: [
        { type: 'DeleteFailed', status: 'True', message: 'gone wrong' },
      ],
      friendlyDescription: 'Delete failed: gone wrong',
    });
  });
});
