import type { App, PackageInstall } from '../types';
import {
  app,
  conditions,
  failedStatus,
  packageInstall,
  SEE_DETAILS,
  succeededStatus,
} from './__testUtils__/carvelObjects';
import { deriveAppState, type AppStatusSummary } from './deriveAppState';
import {
  derivePackageInstallState,
  type PackageInstallStatusSummary,
} from './derivePackageInstallState';

// Each row names the kapp-controller code it mirrors: carvel-dev/kapp-controller at e4b4822.
const V1 = '1.0.0';
const V2 = '2.0.0';
const DELETED_AT = '2023-04-19T07:12:09Z';
const KAPP_FORBIDDEN = `kapp: Error: Checking existence of resource deployment/hello-app (apps/v1) namespace: hello-app:
  API server says: deployments.apps "hello-app" is forbidden: User "system:serviceaccount:hello-app:hello-app-pkgi-sa" cannot get resource "deployments"`;
const KAPP_DELETE_FAILED = `kapp: Error: Deleting resource deployment/hello-app (apps/v1) namespace: hello-app:
  API server says: deployments.apps "hello-app" is forbidden`;
const FETCH_ERROR = `Fetching resources: Error: Syncing directory '0':
  Syncing directory '.' with git contents:
    Fetching git repository: exit status 128`;

/** The App kapp-controller made for PackageInstall hello-app, handed `version`. */
function ownedApp(
  version: string,
  parts: {
    generation: number;
    status: Parameters<typeof app>[0]['status'];
    paused?: boolean;
  },
): App {
  return app({
    metadata: {
      name: 'hello-app',
      namespace: 'hello-app',
      generation: parts.generation,
      annotations: {
        'packaging.carvel.dev/package-ref-name': 'hello-app.default.tap',
        'packaging.carvel.dev/package-version': version,
      },
    },
    spec: {
      serviceAccountName: 'hello-app-pkgi-sa',
      syncPeriod: '10m0s',
      ...(parts.paused ? { paused: true } : {}),
    },
    status: parts.status,
  });
}

/** The derived fields a row names; a field expected `undefined` must be absent or undefined. */
const fieldsNamedIn = (derived: object, expected: object) =>
  Object.fromEntries(
    Object.keys(expected).map(key => [
      key,
      (derived as Record<string, unknown>)[key],
    ]),
  );

const appStatus = (type: string, observedGeneration: number, extra = {}) => ({
  conditions: conditions(type),
  friendlyDescription:
    type === 'ReconcileSucceeded' ? 'Reconcile succeeded' : type,
  observedGeneration,
  ...extra,
});

describe('conformance: a reconciling or deleting resource keeps its old usefulErrorMessage', () => {
  it.each<[string, App, Partial<AppStatusSummary>]>([
    [
      'pkg/app/app_reconcile.go setReconciling (266-276) leaves UsefulErrorMessage; only setReconcileCompleted clears it (302)',
      app({
        status: {
          ...appStatus('Reconciling', 1),
          friendlyDescription: 'Reconciling',
          usefulErrorMessage: KAPP_FORBIDDEN,
        },
      }),
      {
        status: 'reconciling',
        description: 'Reconciling',
        message: undefined,
        previousError: KAPP_FORBIDDEN,
      },
    ],
    [
      'pkg/app/app_reconcile.go setDeleting (306-316) leaves UsefulErrorMessage',
      app({
        metadata: { deletionTimestamp: DELETED_AT, generation: 2 },
        status: {
          ...appStatus('Deleting', 2),
          friendlyDescription: 'Deleting',
          usefulErrorMessage: KAPP_FORBIDDEN,
        },
      }),
      {
        status: 'deleting',
        description: 'Deleting',
        message: undefined,
        previousError: KAPP_FORBIDDEN,
      },
    ],
    [
      'pkg/app/app_reconcile.go setDeleteCompleted (318-331) sets a new UsefulErrorMessage: the current failure',
      app({
        metadata: { deletionTimestamp: DELETED_AT, generation: 2 },
        status: {
          conditions: conditions('DeleteFailed', `Deleting: ${SEE_DETAILS}`),
          friendlyDescription: `Delete failed: Deleting: ${SEE_DETAILS}`,
          observedGeneration: 2,
          usefulErrorMessage: KAPP_DELETE_FAILED,
        },
      }),
      {
        status: 'delete-failed',
        message: KAPP_DELETE_FAILED,
        previousError: undefined,
      },
    ],
  ])('App: %s', (_, object, expected) => {
    const derived = deriveAppState(object);
    expect(fieldsNamedIn(derived, expected)).toEqual(expected);
  });

  it.each<[string, PackageInstall, Partial<PackageInstallStatusSummary>]>([
    [
      'pkg/reconciler/status.go SetDeleting (82-94), called from packageinstall.go reconcileDelete (421-422), leaves UsefulErrorMessage',
      packageInstall({
        metadata: { deletionTimestamp: DELETED_AT, generation: 3 },
        status: {
          ...failedStatus(KAPP_FORBIDDEN),
          conditions: conditions('Deleting'),
          friendlyDescription: 'Deleting',
          observedGeneration: 3,
        },
      }),
      {
        status: 'deleting',
        description: 'Deleting',
        message: undefined,
        previousError: KAPP_FORBIDDEN,
      },
    ],
    [
      'pkg/packageinstall/packageinstall.go Reconcile (91-95): until the deletion is reconciled the failure is the last reconcile’s',
      packageInstall({
        metadata: { deletionTimestamp: DELETED_AT, generation: 3 },
        status: failedStatus(KAPP_FORBIDDEN),
      }),
      {
        status: 'deleting',
        description: 'Deletion requested: waiting for kapp-controller',
        message: undefined,
        previousError: KAPP_FORBIDDEN,
      },
    ],
    [
      'pkg/reconciler/status.go SetReconciling (67-80) clears UsefulErrorMessage (77): nothing previous to show',
      packageInstall({
        status: {
          conditions: conditions('Reconciling'),
          friendlyDescription: 'Reconciling',
          observedGeneration: 2,
          version: V2,
          lastAttemptedVersion: V2,
        },
      }),
      { status: 'reconciling', message: undefined, previousError: undefined },
    ],
    [
      'pkg/packageinstall/packageinstall.go reconcile (193-195): a failed App is the current failure',
      packageInstall({ status: failedStatus(KAPP_FORBIDDEN) }),
      {
        status: 'failed',
        message: KAPP_FORBIDDEN,
        previousError: undefined,
      },
    ],
  ])('PackageInstall: %s', (_, object, expected) => {
    const derived = derivePackageInstallState(object);
    expect(fieldsNamedIn(derived, expected)).toEqual(expected);
  });
});

describe('conformance: the deployed version right after a version change', () => {
  const succeededOn = (version: string) =>
    packageInstall({ status: succeededStatus(version) });
  it.each<
    [
      string,
      PackageInstall,
      App,
      Pick<PackageInstallStatusSummary, 'deployedVersion' | 'deployingVersion'>,
    ]
  >([
    [
      'packageinstall.go reconcile: lastAttemptedVersion set (169) and the old App condition copied (191-192) before the App is updated (227-233); the App update not seen yet',
      succeededOn(V2),
      ownedApp(V1, {
        generation: 3,
        status: appStatus('ReconcileSucceeded', 3),
      }),
      { deployedVersion: V1, deployingVersion: V2 },
    ],
    [
      'packageinstall/app.go NewApp writes the version annotation (52) and bumps the App generation; the App controller has not observed it',
      succeededOn(V2),
      ownedApp(V2, {
        generation: 4,
        status: appStatus('ReconcileSucceeded', 3),
      }),
      { deployedVersion: undefined, deployingVersion: V2 },
    ],
    [
      'app/app_reconcile.go reconcileDeploy marks the generation observed and Reconciling (84-88) before kapp runs',
      succeededOn(V2),
      ownedApp(V2, { generation: 4, status: appStatus('Reconciling', 4) }),
      { deployedVersion: undefined, deployingVersion: V2 },
    ],
    [
      'app/app_reconcile.go setReconcileCompleted (293-302): the App has reconciled the spec with 2.0.0',
      succeededOn(V2),
      ownedApp(V2, {
        generation: 4,
        status: appStatus('ReconcileSucceeded', 4),
      }),
      { deployedVersion: V2, deployingVersion: undefined },
    ],
    [
      'packageinstall.go reconcile (157-166): the downgrade guard fails before lastAttemptedVersion moves; nothing is deploying',
      packageInstall({
        status: {
          ...failedStatus('Stopped installing matched version', V1),
          lastAttemptedVersion: V2,
        },
      }),
      ownedApp(V2, {
        generation: 4,
        status: appStatus('ReconcileSucceeded', 4),
      }),
      { deployedVersion: V2, deployingVersion: undefined },
    ],
    [
      'packageinstall.go reconcile (193-195): the App failed on 2.0.0, the PackageInstall says so; not deploying',
      packageInstall({ status: failedStatus(KAPP_FORBIDDEN, V2) }),
      ownedApp(V2, {
        generation: 4,
        status: {
          ...appStatus('ReconcileFailed', 4),
          usefulErrorMessage: KAPP_FORBIDDEN,
        },
      }),
      { deployedVersion: undefined, deployingVersion: undefined },
    ],
    [
      'packageinstall/app.go NewApp copies paused (62); app_reconcile.go Reconcile (38-44) marks it observed without deploying: version unknown',
      packageInstall({
        spec: { paused: true },
        status: succeededStatus(V2),
      }),
      ownedApp(V2, {
        generation: 4,
        paused: true,
        status: {
          ...appStatus('ReconcileSucceeded', 4),
          friendlyDescription: 'Canceled/paused',
        },
      }),
      { deployedVersion: undefined, deployingVersion: undefined },
    ],
  ])('%s', (_, install, owned, expected) => {
    const derived = derivePackageInstallState(install, { app: owned });
    expect({
      deployedVersion: derived.deployedVersion,
      deployingVersion: derived.deployingVersion,
    }).toEqual(expected);
  });
});

describe('conformance: multi-line friendlyDescription', () => {
  it('app/app_reconcile.go setReconcileCompleted writes the whole error (289); the description is its first line as status.go friendlyErrMsg (136-144) cuts it', () => {
    const derived = deriveAppState(
      app({
        status: {
          conditions: conditions('ReconcileFailed', FETCH_ERROR),
          friendlyDescription: `Reconcile failed: ${FETCH_ERROR}`,
          observedGeneration: 1,
          usefulErrorMessage: FETCH_ERROR,
        },
      }),
    );
    expect(derived).toMatchObject({
      status: 'failed',
      description:
        "Reconcile failed: Fetching resources: Error: Syncing directory '0':...",
      message: FETCH_ERROR,
    });
  });

  it('pkg/reconciler/status.go SetReconcileCompleted (105) already cut the PackageInstall’s description at 80 bytes: shown as written', () => {
    const written =
      'Reconcile failed: Expected to find at least one version, but did not (details: a...';
    const derived = derivePackageInstallState(
      packageInstall({
        status: {
          conditions: conditions('ReconcileFailed', 'Expected to find...'),
          friendlyDescription: written,
          observedGeneration: 2,
        },
      }),
    );
    expect(derived.description).toBe(written);
  });

  it('the usefulErrorMessage standing in for "Error (see …)" is cut in bytes as Go does (status.go 138-139)', () => {
    const useful =
      'ytt: Error: Validating final data values: greeting: «Grüße aus Köln» must be at most 10 bytes\n  in values.yaml';
    const derived = derivePackageInstallState(
      packageInstall({ status: failedStatus(useful) }),
    );
    expect(derived.description).toBe(
      'Reconcile failed: ytt: Error: Validating final data values: greeting: «Grüße aus Köln» must b...',
    );
  });
});

describe('conformance: paused and canceled are spec flags beside the last condition', () => {
  it.each<[string, App | PackageInstall, Partial<PackageInstallStatusSummary>]>(
    [
      [
        'app/app_reconcile.go Reconcile (38-44): paused keeps the last condition, friendlyDescription "Canceled/paused"',
        app({
          spec: { paused: true },
          status: {
            ...appStatus('ReconcileSucceeded', 1),
            friendlyDescription: 'Canceled/paused',
          },
        }),
        { status: 'paused', lastConditionStatus: 'succeeded' },
      ],
      [
        'app/app_reconcile.go Reconcile (38-44): canceled after a failure keeps ReconcileFailed and its error',
        app({
          spec: { canceled: true },
          status: {
            conditions: conditions(
              'ReconcileFailed',
              `Deploying: ${SEE_DETAILS}`,
            ),
            friendlyDescription: 'Canceled/paused',
            observedGeneration: 1,
            usefulErrorMessage: KAPP_FORBIDDEN,
          },
        }),
        {
          status: 'canceled',
          lastConditionStatus: 'failed',
          message: `Last reconcile failed: ${KAPP_FORBIDDEN}`,
          previousError: undefined,
        },
      ],
      [
        'packageinstall.go reconcile has no paused branch (112-200): the PackageInstall mirrors its paused App’s kept condition',
        packageInstall({
          spec: { paused: true },
          status: failedStatus(KAPP_FORBIDDEN),
        }),
        {
          status: 'paused',
          lastConditionStatus: 'failed',
          message: `Last reconcile failed: ${KAPP_FORBIDDEN}`,
        },
      ],
      [
        'paused before any condition: nothing to show beside it',
        packageInstall({
          spec: { paused: true },
          status: { observedGeneration: 2 },
        }),
        { status: 'paused', lastConditionStatus: undefined },
      ],
    ],
  )('%s', (_, object, expected) => {
    const derived =
      object.kind === 'App'
        ? deriveAppState(object)
        : derivePackageInstallState(object);
    expect(fieldsNamedIn(derived, expected)).toEqual(expected);
  });
});
