import type { App } from '../types';
import {
  app,
  conditions,
  packageInstallApp,
  SEE_DETAILS,
} from './__testUtils__/carvelObjects';
import { deriveAppState, type AppStatusSummary } from './deriveAppState';

const YTT_SCHEMA_ERROR = `ytt: Error: Overlaying data values (in following order: additional data values):
One or more data values were invalid
====================================

values.yaml:
    |
  2 | replicas: "two"
    |

    = found: string
    = expected: integer (by schema.yaml:6)
`;
const VENDIR_SUBPATH_ERROR = `vendir: Error: Syncing directory '1':
  Changing to new root path '.':
    Expected directory 'hello-app.default.tap/run-staging' (subpath) to exist (found other directories: packages, run-prod)
`;
const KUBECONFIG_KEY_ERROR =
  "Preparing kapp: Expected to find key 'value' in secret (keys: value.yaml)";
const PKGI_WAIT_ERROR = `kapp: Error: waiting on reconcile packageinstall/hello-app (packaging.carvel.dev/v1alpha1) namespace: hello-app:
  Finished unsuccessfully (Reconcile failed:  (message: Expected to find at least one version, but did not (details: all=2 -> after-prereleases-filter=2 -> after-kapp-controller-version-check=2 -> after-constraints-filter=0)))`;

/** The status kapp-controller writes when one step fails (`<step>: Error (see ...)`). */
const failedInStep = (
  step: string,
  usefulErrorMessage: string,
  failures: number,
) => ({
  conditions: conditions('ReconcileFailed', `${step}: ${SEE_DETAILS}`),
  consecutiveReconcileFailures: failures,
  friendlyDescription: `Reconcile failed: ${step}: ${SEE_DETAILS}`,
  observedGeneration: 1,
  usefulErrorMessage,
});

const times = (fetch: string, template?: string, deploy?: string) => ({
  fetch: { exitCode: 0, updatedAt: fetch },
  ...(template ? { template: { exitCode: 0, updatedAt: template } } : {}),
  ...(deploy
    ? { deploy: { exitCode: 0, finished: true, updatedAt: deploy } }
    : {}),
});

const failed = (
  description: string,
  message: string,
  updatedAt: string,
): AppStatusSummary => ({
  status: 'failed',
  description,
  message,
  pendingSpecChange: false,
  updatedAt,
});

describe('deriveAppState: fixtures', () => {
  it.each<[string, App, AppStatusSummary]>([
    [
      '01 owned by a PackageInstall, reconcile succeeded',
      packageInstallApp('20230418093015.0.0'),
      {
        status: 'succeeded',
        description: 'Reconcile succeeded',
        pendingSpecChange: false,
        updatedAt: '2023-04-18T09:32:19Z',
      },
    ],
    [
      '02 template failed; the deploy status is left over from April 5',
      app({
        metadata: { name: 'hello-app-staging', namespace: 'hello-app' },
        status: {
          ...failedInStep('Templating dir', YTT_SCHEMA_ERROR, 3),
          ...times(
            '2023-04-18T10:03:12Z',
            '2023-04-18T10:03:13Z',
            '2023-04-05T12:02:13Z',
          ),
        },
      }),
      failed(
        'Reconcile failed: Templating dir: ytt: Error: Overlaying data values (in following order: additional data values):...',
        YTT_SCHEMA_ERROR.trimEnd(),
        '2023-04-18T10:03:13Z',
      ),
    ],
    [
      '03 GitOps App, reconcile succeeded',
      app({
        metadata: { generation: 2 },
        status: {
          conditions: conditions('ReconcileSucceeded'),
          consecutiveReconcileSuccesses: 412,
          friendlyDescription: 'Reconcile succeeded',
          observedGeneration: 2,
          ...times(
            '2023-04-18T09:31:55Z',
            '2023-04-18T09:31:56Z',
            '2023-04-18T09:31:57Z',
          ),
        },
      }),
      {
        status: 'succeeded',
        description: 'Reconcile succeeded',
        pendingSpecChange: false,
        updatedAt: '2023-04-18T09:31:57Z',
      },
    ],
    [
      '04 fetch failed: the subPath does not exist, never deployed',
      app({
        metadata: { name: 'hello-app-run-staging' },
        status: {
          ...failedInStep('Fetching resources', VENDIR_SUBPATH_ERROR, 5),
          fetch: { exitCode: 1, updatedAt: '2023-04-18T10:10:43Z' },
        },
      }),
      failed(
        "Reconcile failed: Fetching resources: vendir: Error: Syncing directory '1':...",
        VENDIR_SUBPATH_ERROR.trimEnd(),
        '2023-04-18T10:10:43Z',
      ),
    ],
    [
      '05 deploy failed before kapp ran: wrong kubeconfig key',
      app({
        metadata: { name: 'hello-app-run-qa' },
        status: {
          conditions: conditions('ReconcileFailed', KUBECONFIG_KEY_ERROR),
          consecutiveReconcileFailures: 7,
          friendlyDescription: `Reconcile failed: ${KUBECONFIG_KEY_ERROR}`,
          observedGeneration: 1,
          usefulErrorMessage: KUBECONFIG_KEY_ERROR,
          ...times('2023-04-18T11:04:15Z', '2023-04-18T11:04:16Z'),
          deploy: {
            exitCode: -1,
            finished: true,
            updatedAt: '2023-04-18T11:04:16Z',
          },
        },
      }),
      failed(
        `Reconcile failed: ${KUBECONFIG_KEY_ERROR}`,
        KUBECONFIG_KEY_ERROR,
        '2023-04-18T11:04:16Z',
      ),
    ],
    [
      '06 deploy failed waiting on a PackageInstall',
      app({
        metadata: { name: 'hello-app-run-eu' },
        status: {
          ...failedInStep('Deploying', PKGI_WAIT_ERROR, 1),
          ...times('2023-04-18T09:31:55Z', '2023-04-18T09:31:56Z'),
          deploy: {
            exitCode: 1,
            finished: true,
            updatedAt: '2023-04-18T09:31:58Z',
          },
        },
      }),
      failed(
        'Reconcile failed: Deploying: kapp: Error: waiting on reconcile packageinstall/hello-app (packaging.carvel.dev...',
        PKGI_WAIT_ERROR,
        '2023-04-18T09:31:58Z',
      ),
    ],
  ])('%s', (_, object, expected) => {
    expect(deriveAppState(object)).toEqual(expected);
  });
});
