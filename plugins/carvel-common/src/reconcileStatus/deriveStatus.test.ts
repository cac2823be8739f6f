import { deriveAppState, derivePackageInstallState, deriveReconcileState } from './deriveStatus';

const SEE = 'Error (see .status.usefulErrorMessage for details)';
const YTT_ERROR = `ytt: Error: Overlaying data values (in following order: additional data values):
One or more data values were invalid
====================================

values.yaml:
    |
  2 | replicas: "two"
    |

    = found: string
    = expected: integer (by schema.yaml:6)
`;

function pkgi(overrides: { metadata?: object; spec?: object; status?: object } = {}) {
  return {
    apiVersion: 'packaging.carvel.dev/v1alpha1',
    kind: 'PackageInstall',
    metadata: { name: 'hello-app', namespace: 'hello-app', generation: 2, ...overrides.metadata },
    spec: {
      serviceAccountName: 'sa',
      packageRef: { refName: 'hello-app.default.tap', versionSelection: { constraints: '>=0.0.0' } },
      ...overrides.spec,
    },
    status: {
      observedGeneration: 2,
      conditions: [{ type: 'ReconcileSucceeded', status: 'True' }],
      friendlyDescription: 'Reconcile succeeded',
      version: '20230418093015.0.0',
      lastAttemptedVersion: '20230418093015.0.0',
      ...overrides.status,
    },
  };
}

const failed = (message: string, useful?: string) => ({
  conditions: [{ type: 'ReconcileFailed', status: 'True', message }],
  friendlyDescription: `Reconcile failed: ${message.split('\n')[0]}`,
  ...(useful ? { usefulErrorMessage: useful } : {}),
});

describe('derivePackageInstallState', () => {
  it.each<[string, any, object]>([
    ['succeeded at latest', pkgi(), { status: 'succeeded', description: 'Reconcile succeeded', version: '20230418093015.0.0', deployedVersion: '20230418093015.0.0', pendingSpecChange: false }],
    ['reconciling an upgrade', pkgi({ status: { conditions: [{ type: 'Reconciling', status: 'True' }], friendlyDescription: 'Reconciling', version: '20230418093015.0.0', lastAttemptedVersion: '20230405120000.0.0' } }), { status: 'reconciling', description: 'Reconciling', deployedVersion: undefined, lastAttemptedVersion: '20230405120000.0.0' }],
    ['spec change not yet observed', pkgi({ metadata: { generation: 3 } }), { status: 'reconciling', pendingSpecChange: true, description: 'Waiting for kapp-controller to reconcile the changed spec' }],
    ['failed: values schema (message from usefulErrorMessage)', pkgi({ status: failed(SEE, YTT_ERROR) }), { status: 'failed', description: 'Reconcile failed', message: YTT_ERROR.trimEnd() }],
    ['failed: kapp deploy forbidden', pkgi({ status: failed(SEE, 'kapp: Error: create deployment: forbidden') }), { status: 'failed', message: 'kapp: Error: create deployment: forbidden' }],
    ['failed: no matching version (message only in the condition)', pkgi({ status: failed("Expected to find at least one version, but did not (details: all=3 -> after-prereleases-filter=3 -> after-kapp-controller-version-check=3 -> after-constraints-filter=0)") }), { status: 'failed', description: 'Reconcile failed: Expected to find at least one version, but did not (details: all=3 -> after-prereleases-filter=3 -> after-kapp-controller-version-check=3 -> after-constraints-filter=0)', message: expect.stringMatching(/^Expected to find at least one version/) }],
    ['failed: invalid constraint', pkgi({ status: failed(`Selecting versions: Parsing version constraint '^1.0.0': Could not parse comparator "^" in "^1.0.0"`) }), { status: 'failed', message: expect.stringContaining('Could not parse comparator') }],
    ['failed: downgrade blocked', pkgi({ status: failed(SEE, "Stopped installing matched version '20230321004057.0.0' since last attempted version '20230418093015.0.0' is higher.") }), { status: 'failed', message: expect.stringContaining('Stopped installing matched version') }],
    ['pinned older version, downgradable', pkgi({ metadata: { annotations: { 'packaging.carvel.dev/downgradable': '' } }, status: { version: '20230321004057.0.0', lastAttemptedVersion: '20230321004057.0.0' } }), { status: 'succeeded', deployedVersion: '20230321004057.0.0' }],
    ['paused (condition still succeeded)', pkgi({ spec: { paused: true } }), { status: 'paused', description: 'Paused', message: 'Reconcile succeeded' }],
    ['canceled', pkgi({ spec: { canceled: true }, status: { conditions: [{ type: 'Reconciling', status: 'True' }], friendlyDescription: 'Canceled/paused' } }), { status: 'canceled', description: 'Canceled' }],
    ['deleting (generation bumped by the deletion)', pkgi({ metadata: { generation: 3, deletionTimestamp: '2023-04-20T10:00:00Z' }, status: { conditions: [{ type: 'Deleting', status: 'True' }], friendlyDescription: 'Deleting' } }), { status: 'deleting', description: 'Deleting' }],
    ['delete failed', pkgi({ metadata: { generation: 3, deletionTimestamp: '2023-04-20T10:00:00Z' }, status: { conditions: [{ type: 'DeleteFailed', status: 'True', message: SEE }], friendlyDescription: `Delete failed: ${SEE}`, usefulErrorMessage: 'serviceaccounts "sa" not found' } }), { status: 'delete-failed', description: 'Delete failed', message: 'serviceaccounts "sa" not found' }],
    ['no condition yet', pkgi({ status: { conditions: null, friendlyDescription: undefined } }), { status: 'reconciling', description: 'Waiting for kapp-controller' }],
    ['no status at all', { ...pkgi(), metadata: { name: 'x' }, status: undefined }, { status: 'reconciling' }],
    ['an unknown condition', pkgi({ status: { conditions: [{ type: 'Surprise', status: 'True' }], friendlyDescription: undefined } }), { status: 'unknown', description: 'Unknown condition Surprise' }],
  ])('%s', (_name, object, expected) => {
    expect(derivePackageInstallState(object)).toMatchObject(expected);
  });

  it('takes the deployed version from the App kapp-controller made for it', () => {
    const ownedApp = { apiVersion: 'kappctrl.k14s.io/v1alpha1', kind: 'App', metadata: { name: 'hello-app', annotations: { 'packaging.carvel.dev/package-version': '20230418093015.0.0' } }, spec: {} } as any;
    const blocked = pkgi({ status: { ...failed(SEE, 'Stopped installing'), version: '20230321004057.0.0' } });
    expect(derivePackageInstallState(blocked, { app: ownedApp })).toMatchObject({ version: '20230321004057.0.0', deployedVersion: '20230418093015.0.0' });
  });

  it.each([
    ['null', null],
    ['a string', 'PackageInstall'],
    ['no metadata', { kind: 'PackageInstall' }],
    ['spec is a string', { metadata: { name: 'x' }, spec: 'oops', status: 'oops' }],
    ['conditions is not a list', { metadata: { name: 'x' }, status: { conditions: 'Reconciling' } }],
    ['conditions hold junk', { metadata: { name: 'x' }, status: { conditions: [null, 42] } }],
  ])('never throws on malformed input: %s', (_name, object) => {
    expect(() => derivePackageInstallState(object)).not.toThrow();
    expect(['unknown', 'reconciling']).toContain(derivePackageInstallState(object).status);
  });

  it('calls a non-object unknown', () => {
    expect(deriveReconcileState('x')).toEqual({ status: 'unknown', description: 'Not a Kubernetes object', pendingSpecChange: false });
  });
});

function app(status: object, overrides: { metadata?: object; spec?: object } = {}) {
  return {
    apiVersion: 'kappctrl.k14s.io/v1alpha1',
    kind: 'App',
    metadata: { name: 'hello-app-run-prod', namespace: 'gitops-delivery', generation: 1, ...overrides.metadata },
    spec: { ...overrides.spec },
    status: { observedGeneration: 1, ...status },
  };
}

describe('deriveAppState', () => {
  it.each<[string, any, object]>([
    ['PKGI-owned, succeeded', app({ conditions: [{ type: 'ReconcileSucceeded', status: 'True' }], friendlyDescription: 'Reconcile succeeded', deploy: { updatedAt: '2023-04-18T09:33:10Z' } }), { status: 'succeeded', updatedAt: '2023-04-18T09:33:10Z' }],
    ['PKGI-owned, template failed', app({ conditions: [{ type: 'ReconcileFailed', status: 'True', message: `Templating dir: ${SEE}` }], friendlyDescription: `Reconcile failed: Templating dir: ${SEE}`, usefulErrorMessage: YTT_ERROR }), { status: 'failed', message: YTT_ERROR.trimEnd() }],
    ['GitOps App, succeeded', app({ conditions: [{ type: 'ReconcileSucceeded', status: 'True' }], friendlyDescription: 'Reconcile succeeded', fetch: { updatedAt: '2023-04-18T09:32:00Z' } }), { status: 'succeeded', updatedAt: '2023-04-18T09:32:00Z' }],
    ['GitOps App, fetch failed', app({ conditions: [{ type: 'ReconcileFailed', status: 'True', message: `Fetching resources: ${SEE}` }], friendlyDescription: `Reconcile failed: Fetching resources: ${SEE}`, usefulErrorMessage: "vendir: Error: Syncing directory '0':\n  Expected directory 'hello-app.default.tap/run-prod' (subpath) to exist\n" }), { status: 'failed', description: 'Reconcile failed', message: expect.stringContaining('(subpath) to exist') }],
    ['GitOps App, kubeconfig key mismatch', app({ conditions: [{ type: 'ReconcileFailed', status: 'True', message: "Preparing kapp: Expected to find key 'value' in secret (keys: value.yaml)" }], friendlyDescription: "Reconcile failed: Preparing kapp: Expected to find key 'value' in secret (keys: value.yaml)", usefulErrorMessage: "Preparing kapp: Expected to find key 'value' in secret (keys: value.yaml)" }), { status: 'failed', message: "Preparing kapp: Expected to find key 'value' in secret (keys: value.yaml)" }],
    ['GitOps App, kapp waits on a failing PKGI', app({ conditions: [{ type: 'ReconcileFailed', status: 'True', message: `Deploying: ${SEE}` }], friendlyDescription: `Reconcile failed: Deploying: ${SEE}`, usefulErrorMessage: 'kapp: Error: waiting on reconcile packageinstall/hello-app (packaging.carvel.dev/v1alpha1) namespace: hello-app:\n  Finished unsuccessfully (Reconcile failed:  (message: Error (see .status.usefulErrorMessage for details)))' }), { status: 'failed', message: expect.stringContaining('waiting on reconcile packageinstall/hello-app') }],
    ['paused App without conditions', app({ conditions: null, friendlyDescription: 'Canceled/paused' }, { spec: { paused: true } }), { status: 'paused' }],
  ])('%s', (_name, object, expected) => {
    expect(deriveAppState(object)).toMatchObject(expected);
  });
});
