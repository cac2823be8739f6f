import type { App, PackageInstall } from '../types';
import {
  app,
  conditions,
  failedStatus,
  NEWEST,
  packageInstall,
  SEE_DETAILS,
  succeededStatus,
} from './__testUtils__/carvelObjects';
import { deriveAppState, type AppStatusSummary } from './deriveAppState';
import {
  derivePackageInstallState,
  type PackageInstallStatusSummary,
} from './derivePackageInstallState';

describe('status precedence for PackageInstalls', () => {
  it.each<[string, PackageInstall, Partial<PackageInstallStatusSummary>]>([
    [
      'new and not observed by kapp-controller yet',
      packageInstall({ metadata: { generation: 1 } }),
      {
        status: 'reconciling',
        pendingSpecChange: true,
        description:
          'Waiting for kapp-controller to pick up the new PackageInstall',
      },
    ],
    [
      'observed, no condition yet',
      packageInstall({ status: { observedGeneration: 2, conditions: null } }),
      {
        status: 'reconciling',
        pendingSpecChange: false,
        description: 'Waiting for the first reconcile',
      },
    ],
    [
      'no generation to compare and no status',
      packageInstall({ metadata: { generation: undefined } }),
      {
        status: 'reconciling',
        pendingSpecChange: false,
        description: 'Waiting for the first reconcile',
      },
    ],
    [
      'a condition type this plugin does not know',
      packageInstall({
        status: {
          observedGeneration: 2,
          conditions: conditions('Frobnicating', 'whirr'),
        },
      }),
      {
        status: 'unknown',
        description: 'Unrecognised condition type "Frobnicating"',
        message: 'whirr',
      },
    ],
    [
      'deletion (generation bumped) beats the unobserved generation',
      packageInstall({
        metadata: { generation: 3, deletionTimestamp: '2023-04-19T07:12:09Z' },
        status: succeededStatus(NEWEST),
      }),
      {
        status: 'deleting',
        description: 'Deletion requested: waiting for kapp-controller',
      },
    ],
    [
      'deletion beats paused',
      packageInstall({
        metadata: { deletionTimestamp: '2023-04-19T07:12:09Z' },
        spec: { paused: true },
        status: {
          ...succeededStatus(NEWEST),
          conditions: conditions('Deleting'),
          friendlyDescription: 'Deleting',
        },
      }),
      { status: 'deleting', description: 'Deleting' },
    ],
    [
      'an unobserved spec change beats paused',
      packageInstall({
        metadata: { generation: 3 },
        spec: { paused: true },
        status: succeededStatus(NEWEST),
      }),
      { status: 'reconciling', pendingSpecChange: true },
    ],
    [
      'the old failure stays visible while a spec change is pending',
      packageInstall({
        metadata: { generation: 3 },
        status: failedStatus('boom\n'),
      }),
      {
        status: 'reconciling',
        pendingSpecChange: true,
        message: 'Last reconcile failed: boom',
      },
    ],
    [
      'canceled beats paused',
      packageInstall({
        spec: { paused: true, canceled: true },
        status: succeededStatus(NEWEST),
      }),
      { status: 'canceled' },
    ],
    [
      'paused before the first reconcile has no secondary message',
      packageInstall({
        spec: { paused: true },
        status: { observedGeneration: 2 },
      }),
      { status: 'paused', message: undefined },
    ],
    [
      'the generic condition message is kept when there is nothing better',
      packageInstall({
        status: {
          observedGeneration: 2,
          conditions: conditions('ReconcileFailed', SEE_DETAILS),
          friendlyDescription: `Reconcile failed: ${SEE_DETAILS}`,
        },
      }),
      {
        status: 'failed',
        message: SEE_DETAILS,
        description: `Reconcile failed: ${SEE_DETAILS}`,
      },
    ],
  ])('%s', (_, object, expected) => {
    expect(derivePackageInstallState(object)).toMatchObject(expected);
  });
});

describe('status precedence for Apps', () => {
  it.each<[string, App, Partial<AppStatusSummary>]>([
    [
      'paused: friendlyDescription says Canceled/paused, the condition is kept',
      app({
        spec: { paused: true },
        status: {
          conditions: conditions('ReconcileSucceeded'),
          friendlyDescription: 'Canceled/paused',
          observedGeneration: 1,
        },
      }),
      { status: 'paused', message: 'Last reconcile succeeded' },
    ],
    [
      'canceled mid-deploy',
      app({
        spec: { canceled: true },
        status: {
          conditions: conditions(
            'ReconcileFailed',
            'Deploying: Process was canceled',
          ),
          usefulErrorMessage: 'Deploying: Process was canceled',
          friendlyDescription: 'Canceled/paused',
          observedGeneration: 1,
        },
      }),
      {
        status: 'canceled',
        message: 'Last reconcile failed: Deploying: Process was canceled',
      },
    ],
    [
      'reconciling',
      app({
        status: {
          conditions: conditions('Reconciling'),
          friendlyDescription: 'Reconciling',
          observedGeneration: 1,
        },
      }),
      {
        status: 'reconciling',
        description: 'Reconciling',
        pendingSpecChange: false,
      },
    ],
    [
      'conditions: null right after the first observation',
      app({ status: { conditions: null, observedGeneration: 1 } }),
      { status: 'reconciling', description: 'Waiting for the first reconcile' },
    ],
    [
      'spec changed, not reconciled yet',
      app({
        metadata: { generation: 2 },
        status: {
          conditions: conditions('ReconcileSucceeded'),
          observedGeneration: 1,
        },
      }),
      { status: 'reconciling', pendingSpecChange: true },
    ],
    [
      'new App without status',
      app({}),
      {
        status: 'reconciling',
        pendingSpecChange: true,
        description: 'Waiting for kapp-controller to pick up the new App',
      },
    ],
    [
      'deleting',
      app({
        metadata: { deletionTimestamp: '2023-04-19T07:12:09Z' },
        status: {
          conditions: conditions('Deleting'),
          friendlyDescription: 'Deleting',
          observedGeneration: 1,
        },
      }),
      { status: 'deleting', description: 'Deleting' },
    ],
    [
      'unparseable step times are skipped',
      app({
        status: {
          conditions: conditions('ReconcileSucceeded'),
          observedGeneration: 1,
          fetch: { updatedAt: 'yesterday' },
          deploy: { updatedAt: '2023-04-18T09:31:57Z' },
        },
      }),
      { updatedAt: '2023-04-18T09:31:57Z' },
    ],
  ])('%s', (_, object, expected) => {
    expect(deriveAppState(object)).toMatchObject(expected);
  });
});
