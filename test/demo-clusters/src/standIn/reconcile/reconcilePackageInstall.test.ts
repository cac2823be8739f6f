import type { App } from '@carvel-gitops/plugin-carvel-common';
import {
  testPackage,
  testPackageInstall,
} from '../../__testUtils__/carvelObjects';
import { newApp } from './newApp';
import {
  reconcilePackageInstall,
  reconcilePackageInstallDeletion,
} from './reconcilePackageInstall';

const VERSIONS = [
  '20230321004057.0.0',
  '20230502101500.0.0',
  '20230612143000.0.0',
];
const packages = VERSIONS.map(v => testPackage(v));
const SEE = 'Error (see .status.usefulErrorMessage for details)';

function appWith(version: string, status: App['status'], generation = 1): App {
  const app = newApp(undefined, testPackageInstall(), testPackage(version));
  return {
    ...app,
    metadata: { ...app.metadata, generation },
    status,
  };
}

const succeeded = {
  observedGeneration: 1,
  conditions: [{ type: 'ReconcileSucceeded', status: 'True' }],
  friendlyDescription: 'Reconcile succeeded',
};

// kapp-controller pkg/packageinstall/packageinstall.go at e4b4822
describe('reconcilePackageInstall', () => {
  it('creates the App for the newest version a range selects and stays Reconciling (lines 144-180)', () => {
    const result = reconcilePackageInstall({
      install: testPackageInstall({ generation: 3 }),
      packages,
    });
    expect(result.status).toEqual({
      observedGeneration: 3,
      version: '20230612143000.0.0',
      lastAttemptedVersion: '20230612143000.0.0',
      conditions: [{ type: 'Reconciling', status: 'True' }],
      friendlyDescription: 'Reconciling',
    });
    expect(
      result.app?.metadata.annotations?.[
        'packaging.carvel.dev/package-version'
      ],
    ).toBe('20230612143000.0.0');
  });

  it('takes its outcome from the App once the App observed its generation (lines 184-197)', () => {
    const install = testPackageInstall();
    const reconcilingApp = appWith('20230612143000.0.0', {
      ...succeeded,
      conditions: [{ type: 'Reconciling', status: 'True' }],
    });
    expect(
      reconcilePackageInstall({
        install,
        packages,
        existingApp: reconcilingApp,
      }).status.friendlyDescription,
    ).toBe('Reconciling');
    const unobserved = appWith('20230612143000.0.0', succeeded, 2);
    expect(
      reconcilePackageInstall({ install, packages, existingApp: unobserved })
        .status.friendlyDescription,
    ).toBe('Reconciling');
    const failedApp = appWith('20230612143000.0.0', {
      observedGeneration: 1,
      conditions: [{ type: 'ReconcileFailed', status: 'True', message: 'x' }],
      friendlyDescription: 'Reconcile failed: x',
      usefulErrorMessage: 'ytt: Error: boom',
    });
    const failed = reconcilePackageInstall({
      install,
      packages,
      existingApp: failedApp,
    });
    expect(failed.status).toMatchObject({
      conditions: [{ type: 'ReconcileFailed', status: 'True', message: SEE }],
      friendlyDescription: `Reconcile failed: ${SEE}`,
      usefulErrorMessage: 'ytt: Error: boom',
    });
    expect(failed.app).toBeUndefined();
  });

  it('reports success for a new version from the old App before updating the App (status set before line 199)', () => {
    const result = reconcilePackageInstall({
      install: testPackageInstall(),
      packages,
      existingApp: appWith('20230502101500.0.0', succeeded),
    });
    expect(result.status).toMatchObject({
      version: '20230612143000.0.0',
      lastAttemptedVersion: '20230612143000.0.0',
      friendlyDescription: 'Reconcile succeeded',
    });
    expect(
      result.app?.metadata.annotations?.[
        'packaging.carvel.dev/package-version'
      ],
    ).toBe('20230612143000.0.0');
  });

  it('clears the old usefulErrorMessage when it starts (SetReconciling, line 128)', () => {
    const result = reconcilePackageInstall({
      install: testPackageInstall({
        status: { usefulErrorMessage: 'old', lastAttemptedVersion: '1.0.0' },
      }),
      packages,
    });
    expect(result.status.usefulErrorMessage).toBeUndefined();
  });

  it('says "not found" only when the namespace has no Packages at all (lines 297-299), keeping the last versions', () => {
    const { status, app } = reconcilePackageInstall({
      install: testPackageInstall({
        status: { version: '1.0.0', lastAttemptedVersion: '1.0.0' },
      }),
      packages: [],
    });
    expect(app).toBeUndefined();
    expect(status).toEqual({
      observedGeneration: 1,
      version: '1.0.0',
      lastAttemptedVersion: '1.0.0',
      conditions: [
        {
          type: 'ReconcileFailed',
          status: 'True',
          message: 'Package app.default.tap not found',
        },
      ],
      friendlyDescription:
        'Reconcile failed: Package app.default.tap not found',
    });
  });

  it('needs a version selection (lines 287-290) and secretRefs on values (lines 130-138)', () => {
    const install = testPackageInstall();
    delete install.spec.packageRef.versionSelection;
    expect(
      reconcilePackageInstall({ install, packages }).status.conditions?.[0]
        .message,
    ).toBe('Expected non-empty version selection');
    const noSecretRef = testPackageInstall();
    noSecretRef.spec.values = [{} as never];
    expect(
      reconcilePackageInstall({ install: noSecretRef, packages }).status
        .conditions?.[0].message,
    ).toBe('Invalid fields: spec.values[0].secretRef: Required value');
  });

  it('refuses to move below the last attempted version, setting the version first (lines 145-166)', () => {
    const decision = reconcilePackageInstall({
      install: testPackageInstall({
        constraints: '20230321004057.0.0',
        status: {
          version: '20230612143000.0.0',
          lastAttemptedVersion: '20230612143000.0.0',
        },
      }),
      packages,
      existingApp: appWith('20230612143000.0.0', succeeded),
    });
    expect(decision).toEqual({
      status: {
        observedGeneration: 1,
        version: '20230321004057.0.0',
        lastAttemptedVersion: '20230612143000.0.0',
        conditions: [{ type: 'ReconcileFailed', status: 'True', message: SEE }],
        friendlyDescription: `Reconcile failed: ${SEE}`,
        usefulErrorMessage:
          "Stopped installing matched version '20230321004057.0.0' since last attempted version '20230612143000.0.0' is higher.\n" +
          'hint: Add annotation packaging.carvel.dev/downgradable: "" to PackageInstall to proceed with downgrade',
      },
    });
  });

  it('downgrades when the PackageInstall is downgradable (line 147)', () => {
    const decision = reconcilePackageInstall({
      install: testPackageInstall({
        constraints: '20230321004057.0.0',
        annotations: { 'packaging.carvel.dev/downgradable': '' },
        status: { lastAttemptedVersion: '20230612143000.0.0' },
      }),
      packages,
    });
    expect(decision.status.lastAttemptedVersion).toBe('20230321004057.0.0');
  });
});

describe('reconcilePackageInstallDeletion (packageinstall.go:364-429)', () => {
  it('copies the deletion-relevant fields into the App and deletes it', () => {
    const install = testPackageInstall();
    install.spec = {
      ...install.spec,
      serviceAccountName: 'other-sa',
      noopDelete: true,
      defaultNamespace: 'ns',
    } as typeof install.spec;
    const result = reconcilePackageInstallDeletion(
      install,
      appWith('20230612143000.0.0', succeeded),
    );
    expect(result.deleteApp).toBe(true);
    expect(result.updatedApp?.spec).toMatchObject({
      serviceAccountName: 'other-sa',
      noopDelete: true,
      defaultNamespace: 'ns',
    });
    expect(result.status.friendlyDescription).toBeUndefined();
  });

  it("mirrors the App's Deleting (keeping usefulErrorMessage) and DeleteFailed, and unblocks once the App is gone", () => {
    const install = testPackageInstall({
      generation: 2,
      status: { usefulErrorMessage: 'old error' },
    });
    const deletingApp = {
      ...appWith('20230612143000.0.0', {
        conditions: [{ type: 'Deleting', status: 'True' }],
      }),
    };
    deletingApp.metadata = {
      ...deletingApp.metadata,
      deletionTimestamp: '2024-05-01T12:00:00Z',
    } as App['metadata'];
    expect(reconcilePackageInstallDeletion(install, deletingApp)).toMatchObject(
      {
        deleteApp: false,
        unblockDeletion: false,
        status: {
          observedGeneration: 2,
          conditions: [{ type: 'Deleting', status: 'True' }],
          usefulErrorMessage: 'old error',
        },
      },
    );
    deletingApp.status = {
      conditions: [{ type: 'DeleteFailed', status: 'True', message: 'm' }],
      usefulErrorMessage: 'kapp: Error: cannot delete',
    };
    expect(
      reconcilePackageInstallDeletion(install, deletingApp).status,
    ).toMatchObject({
      conditions: [{ type: 'DeleteFailed', status: 'True', message: SEE }],
      usefulErrorMessage: 'kapp: Error: cannot delete',
    });
    expect(reconcilePackageInstallDeletion(install, undefined)).toMatchObject({
      unblockDeletion: true,
    });
  });
});
