import {
  failedStatus,
  friendlyErrorMessage,
  reconcilingStatus,
} from './carvelStatus';

describe('friendlyErrorMessage', () => {
  it('keeps a short single line', () => {
    expect(friendlyErrorMessage('Reconcile failed: boom')).toBe(
      'Reconcile failed: boom',
    );
  });

  it('cuts the first line at 80 characters', () => {
    expect(friendlyErrorMessage('x'.repeat(81))).toBe(`${'x'.repeat(80)}...`);
    expect(friendlyErrorMessage('x'.repeat(80))).toBe('x'.repeat(80));
  });

  it('marks that further lines were left out', () => {
    expect(friendlyErrorMessage('first\nsecond')).toBe('first...');
  });
});

describe('carvel statuses', () => {
  it('starts a reconcile: observes the generation and clears the error, keeping versions', () => {
    expect(
      reconcilingStatus(
        {
          version: '1.0.0',
          usefulErrorMessage: 'old',
          conditions: [{ type: 'ReconcileFailed', status: 'True' }],
        },
        4,
      ),
    ).toEqual({
      version: '1.0.0',
      observedGeneration: 4,
      conditions: [{ type: 'Reconciling', status: 'True' }],
      friendlyDescription: 'Reconciling',
    });
  });

  it('writes the whole error into an App’s description', () => {
    const message = `Templating dir: ${'x'.repeat(100)}`;
    expect(
      failedStatus({}, { message, fullDescription: true }).friendlyDescription,
    ).toBe(`Reconcile failed: ${message}`);
  });
});
