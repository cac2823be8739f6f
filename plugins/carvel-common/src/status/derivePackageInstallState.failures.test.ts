import type { App, PackageInstall } from '../types';
import {
  conditions,
  failedStatus,
  NEWEST,
  OLDER,
  packageInstall,
  packageInstallApp,
  PINNED,
  pinnedTo,
  SEE_DETAILS,
} from './__testUtils__/carvelObjects';
import {
  derivePackageInstallState,
  type PackageInstallStatusSummary,
} from './derivePackageInstallState';

const YTT_SCHEMA_ERROR = `ytt: Error: Overlaying data values (in following order: additional data values):
One or more data values were invalid
====================================

values.yaml:
    |
  2 | replicas: "two"
    |

    = found: string
    = expected: integer (by schema.yaml:6)
    = hint: is the default value set using @schema/default?
`;
const FORBIDDEN_ERROR = `kapp: Error: Checking existence of resource ingress/hello-app (networking.k8s.io/v1) namespace: hello-app:
  API server says: ingresses.networking.k8s.io "hello-app" is forbidden:
    User "system:serviceaccount:hello-app:hello-app-restricted-sa" cannot get resource "ingresses" in API group "networking.k8s.io" in the namespace "hello-app" (reason: Forbidden)`;
const NO_VERSION_ERROR =
  'Expected to find at least one version, but did not (details: all=3 -> after-prereleases-filter=3 -> after-kapp-controller-version-check=3 -> after-constraints-filter=0)';
const CARET_ERROR = `Selecting versions: Parsing version constraint '^${PINNED}': Could not parse comparator "^" in "^${PINNED}"`;
const DOWNGRADE_ERROR = `Stopped installing matched version '${OLDER}' since last attempted version '${NEWEST}' is higher.
hint: Add annotation packaging.carvel.dev/downgradable: "" to PackageInstall to proceed with downgrade`;
const MISSING_SA_ERROR =
  'Preparing kapp: Getting service account: serviceaccounts "hello-app-pkgi-sa" not found';

const failed = (
  description: string,
  message: string,
  rest: Partial<PackageInstallStatusSummary> = {},
): PackageInstallStatusSummary => ({
  status: 'failed',
  description,
  message,
  pendingSpecChange: false,
  version: NEWEST,
  lastAttemptedVersion: NEWEST,
  ...rest,
});

describe('derivePackageInstallState: failure fixtures', () => {
  it.each<
    [string, PackageInstall, App | undefined, PackageInstallStatusSummary]
  >([
    [
      '04 failed: values violate the ytt schema (text from the App)',
      packageInstall({ status: failedStatus(YTT_SCHEMA_ERROR) }),
      undefined,
      failed(
        'Reconcile failed: ytt: Error: Overlaying data values (in following order: additional data values):...',
        YTT_SCHEMA_ERROR.trimEnd(),
      ),
    ],
    [
      '05 failed: kapp may not manage Ingresses',
      packageInstall({ status: failedStatus(FORBIDDEN_ERROR) }),
      undefined,
      failed(
        'Reconcile failed: kapp: Error: Checking existence of resource ingress/hello-app (networking.k8s.io...',
        FORBIDDEN_ERROR,
      ),
    ],
    [
      '06 failed: pinned version not on the cluster (text only in the condition)',
      packageInstall({
        metadata: { generation: 3 },
        spec: pinnedTo('20230501080000.0.0'),
        status: {
          conditions: conditions('ReconcileFailed', NO_VERSION_ERROR),
          friendlyDescription:
            'Reconcile failed: Expected to find at least one version, but did not (details: a...',
          lastAttemptedVersion: PINNED,
          observedGeneration: 3,
          version: PINNED,
        },
      }),
      undefined,
      failed(
        'Reconcile failed: Expected to find at least one version, but did not (details: a...',
        NO_VERSION_ERROR,
        { version: PINNED, lastAttemptedVersion: PINNED },
      ),
    ],
    [
      '07 failed: caret constraint, never installed',
      packageInstall({
        metadata: { generation: 1 },
        spec: pinnedTo(`^${PINNED}`),
        status: {
          conditions: conditions('ReconcileFailed', CARET_ERROR),
          friendlyDescription:
            "Reconcile failed: Selecting versions: Parsing version constraint '^2023040512000...",
          observedGeneration: 1,
        },
      }),
      undefined,
      failed(
        "Reconcile failed: Selecting versions: Parsing version constraint '^2023040512000...",
        CARET_ERROR,
        { version: undefined, lastAttemptedVersion: undefined },
      ),
    ],
    [
      '08 failed: downgrade blocked, the App still runs the newer version',
      packageInstall({
        metadata: { generation: 5 },
        spec: pinnedTo(OLDER),
        status: {
          ...failedStatus(DOWNGRADE_ERROR, OLDER),
          observedGeneration: 5,
        },
      }),
      packageInstallApp(NEWEST),
      failed(
        "Reconcile failed: Stopped installing matched version '20230321004057.0.0' since last attempted ver...",
        DOWNGRADE_ERROR,
        {
          version: OLDER,
          deployedVersion: NEWEST,
          updatedAt: '2023-04-18T09:32:19Z',
        },
      ),
    ],
    [
      '13 delete failed: the service account was deleted first',
      packageInstall({
        metadata: { generation: 3, deletionTimestamp: '2023-04-19T07:20:31Z' },
        status: {
          ...failedStatus(MISSING_SA_ERROR),
          observedGeneration: 3,
          conditions: conditions('DeleteFailed', SEE_DETAILS),
          friendlyDescription: `Delete failed: ${SEE_DETAILS}`,
        },
      }),
      undefined,
      failed(
        'Delete failed: Preparing kapp: Getting service account: serviceaccounts "hello-app-pkgi-sa" not...',
        MISSING_SA_ERROR,
        { status: 'delete-failed' },
      ),
    ],
  ])('%s', (_, object, app, expected) => {
    expect(derivePackageInstallState(object, { app })).toEqual(expected);
  });
});
