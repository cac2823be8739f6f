import type { App, PackageInstall } from '../types';
import {
  conditions,
  failedStatus,
  NEWEST,
  packageInstall,
  packageInstallApp,
  PINNED,
  succeededStatus,
} from './__testUtils__/carvelObjects';
import {
  derivePackageInstallState,
  type PackageInstallStatusSummary,
} from './derivePackageInstallState';

const settled = (
  status: PackageInstallStatusSummary['status'],
  description: string,
  rest: Partial<PackageInstallStatusSummary> = {},
): PackageInstallStatusSummary => ({
  status,
  description,
  pendingSpecChange: false,
  ...rest,
});

const versions = (version: string, deployedVersion?: string) => ({
  version,
  lastAttemptedVersion: version,
  deployedVersion,
});

describe('derivePackageInstallState: lifecycle fixtures', () => {
  it.each<[string, PackageInstall, PackageInstallStatusSummary]>([
    [
      '01 reconcile succeeded, following the latest version',
      packageInstall({ status: succeededStatus(NEWEST) }),
      settled('succeeded', 'Reconcile succeeded', versions(NEWEST, NEWEST)),
    ],
    [
      '02 reconciling an upgrade after a new Package appeared',
      packageInstall({
        metadata: { generation: 1 },
        status: {
          conditions: conditions('Reconciling'),
          friendlyDescription: 'Reconciling',
          lastAttemptedVersion: NEWEST,
          observedGeneration: 1,
          version: NEWEST,
        },
      }),
      settled('reconciling', 'Reconciling', versions(NEWEST)),
    ],
    [
      '03 spec changed, generation not observed yet',
      packageInstall({
        metadata: { generation: 4 },
        status: succeededStatus(PINNED, 3),
      }),
      {
        status: 'reconciling',
        description:
          'Waiting for kapp-controller to reconcile the changed spec (generation 4, last reconciled 3)',
        message: 'Last reconcile succeeded',
        pendingSpecChange: true,
        ...versions(PINNED, PINNED),
      },
    ],
    [
      '09 pinned to an older version with downgradable',
      packageInstall({
        metadata: {
          generation: 4,
          annotations: { 'packaging.carvel.dev/downgradable': '' },
        },
        status: succeededStatus(PINNED, 4),
      }),
      settled('succeeded', 'Reconcile succeeded', versions(PINNED, PINNED)),
    ],
    [
      '10 paused: the condition still says succeeded',
      packageInstall({
        metadata: { generation: 3 },
        spec: { paused: true },
        status: succeededStatus(NEWEST, 3),
      }),
      settled(
        'paused',
        'Paused: changes are not rolled out until spec.paused is removed',
        {
          message: 'Last reconcile succeeded',
          lastConditionStatus: 'succeeded',
          ...versions(NEWEST, NEWEST),
        },
      ),
    ],
    [
      '11 canceled while deploying',
      packageInstall({
        spec: { canceled: true },
        status: failedStatus('Deploying: Process was canceled'),
      }),
      settled(
        'canceled',
        'Canceled: kapp-controller stopped reconciling until spec.canceled is removed',
        {
          message: 'Last reconcile failed: Deploying: Process was canceled',
          lastConditionStatus: 'failed',
          ...versions(NEWEST),
        },
      ),
    ],
    [
      '12 deleting',
      packageInstall({
        metadata: { generation: 3, deletionTimestamp: '2023-04-19T07:12:09Z' },
        status: {
          conditions: conditions('Deleting'),
          friendlyDescription: 'Deleting',
          lastAttemptedVersion: NEWEST,
          observedGeneration: 3,
          version: NEWEST,
        },
      }),
      settled('deleting', 'Deleting', versions(NEWEST)),
    ],
  ])('%s', (_, object, expected) => {
    expect(derivePackageInstallState(object)).toEqual(expected);
  });
});

describe('derivePackageInstallState: versions and times from the App', () => {
  it.each<[string, PackageInstall, App | undefined, object]>([
    [
      'the App annotation is the deployed version',
      packageInstall({ status: succeededStatus(PINNED) }),
      packageInstallApp(NEWEST),
      { deployedVersion: NEWEST, updatedAt: '2023-04-18T09:32:19Z' },
    ],
    [
      'without an App, lastAttemptedVersion once succeeded',
      packageInstall({ status: succeededStatus(PINNED) }),
      undefined,
      { deployedVersion: PINNED, updatedAt: undefined },
    ],
    [
      'without an App, nothing while reconciling',
      packageInstall({
        status: {
          ...succeededStatus(PINNED),
          conditions: conditions('Reconciling'),
        },
      }),
      undefined,
      { deployedVersion: undefined },
    ],
  ])('%s', (_, object, app, expected) => {
    expect(derivePackageInstallState(object, { app })).toMatchObject(expected);
  });

  it('falls back to lastAttemptedVersion when the App lacks the annotation', () => {
    const app = packageInstallApp(NEWEST);
    app.metadata.annotations = {};
    const object = packageInstall({ status: succeededStatus(PINNED) });
    expect(derivePackageInstallState(object, { app }).deployedVersion).toBe(
      PINNED,
    );
  });
});
