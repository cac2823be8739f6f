import type { App, PackageInstall } from '../types';
import { deriveAppState } from './deriveAppState';
import { derivePackageInstallState } from './derivePackageInstallState';

const metadata = { name: 'hello-app', namespace: 'hello-app', generation: 1 };
const spec = {
  packageRef: { refName: 'hello-app.default.tap', versionSelection: {} },
};

// The derivers take typed objects, but they are fed whatever a cluster or a cache hands back.
const asPackageInstall = (value: unknown) => value as PackageInstall;
const asApp = (value: unknown) => value as App;

describe('malformed PackageInstalls and Apps', () => {
  it.each<[string, unknown, string]>([
    ['null', null, 'Malformed PackageInstall: not an object'],
    ['a string', 'hello-app', 'Malformed PackageInstall: not an object'],
    ['an array', [], 'Malformed PackageInstall: not an object'],
    ['an empty object', {}, 'Malformed PackageInstall: metadata is missing'],
    [
      'metadata that is a string',
      { metadata: 'x', spec },
      'Malformed PackageInstall: metadata is missing',
    ],
    ['no spec', { metadata }, 'Malformed PackageInstall: spec is missing'],
    [
      'a string generation',
      { metadata: { ...metadata, generation: '1' }, spec },
      'Malformed PackageInstall: metadata.generation is not a number',
    ],
    [
      'a numeric deletionTimestamp',
      { metadata: { ...metadata, deletionTimestamp: 1 }, spec },
      'Malformed PackageInstall: metadata.deletionTimestamp is not a timestamp',
    ],
    [
      'a string status',
      { metadata, spec, status: 'ok' },
      'Malformed PackageInstall: status is not an object',
    ],
    [
      'a negative observedGeneration',
      { metadata, spec, status: { observedGeneration: -1 } },
      'Malformed PackageInstall: status.observedGeneration is not a number',
    ],
    [
      'conditions that are an object',
      {
        metadata,
        spec,
        status: {
          observedGeneration: 1,
          conditions: { type: 'ReconcileSucceeded' },
        },
      },
      'Malformed PackageInstall: status.conditions is not a list',
    ],
    [
      'a null condition',
      { metadata, spec, status: { observedGeneration: 1, conditions: [null] } },
      'Malformed PackageInstall: status.conditions[0] has no type',
    ],
    [
      'a condition without type',
      {
        metadata,
        spec,
        status: { observedGeneration: 1, conditions: [{ status: 'True' }] },
      },
      'Malformed PackageInstall: status.conditions[0] has no type',
    ],
  ])('PackageInstall with %s is unknown', (_, value, description) => {
    expect(derivePackageInstallState(asPackageInstall(value))).toEqual({
      status: 'unknown',
      description,
      pendingSpecChange: false,
    });
  });

  it.each<[string, unknown, string]>([
    ['undefined', undefined, 'Malformed App: not an object'],
    ['no metadata', { spec: {} }, 'Malformed App: metadata is missing'],
    [
      'conditions that are a string',
      {
        metadata,
        spec: {},
        status: { observedGeneration: 1, conditions: 'True' },
      },
      'Malformed App: status.conditions is not a list',
    ],
  ])('App with %s is unknown', (_, value, description) => {
    expect(deriveAppState(asApp(value))).toEqual({
      status: 'unknown',
      description,
      pendingSpecChange: false,
    });
  });

  it('ignores fields of the wrong type that it can do without', () => {
    const state = derivePackageInstallState(
      asPackageInstall({
        metadata: { ...metadata, annotations: 'none' },
        spec: { ...spec, paused: 'yes' },
        status: {
          observedGeneration: 1,
          conditions: [{ type: 'ReconcileFailed', message: 42 }],
          usefulErrorMessage: ['not', 'text'],
          friendlyDescription: 7,
          version: 1.1,
          lastAttemptedVersion: null,
        },
      }),
      { app: asApp({ metadata: 'broken' }) },
    );
    expect(state).toEqual({
      status: 'failed',
      description: 'Reconcile failed',
      pendingSpecChange: false,
    });
  });

  it('treats blank texts as absent and trims trailing whitespace', () => {
    const state = derivePackageInstallState(
      asPackageInstall({
        metadata,
        spec,
        status: {
          observedGeneration: 1,
          conditions: [{ type: 'ReconcileFailed', message: 'boom \n' }],
          usefulErrorMessage: '   ',
          friendlyDescription: '',
        },
      }),
    );
    expect(state).toEqual({
      status: 'failed',
      description: 'Reconcile failed',
      message: 'boom',
      pendingSpecChange: false,
    });
  });
});
