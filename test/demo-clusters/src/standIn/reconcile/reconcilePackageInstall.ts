import {
  ANNOTATION_DOWNGRADABLE,
  type App,
  compareVersions,
  type Package,
  type PackageInstall,
  type PackageInstallStatus,
} from '@carvel-gitops/plugin-carvel-common';
import {
  hasCondition,
  SEE_USEFUL_ERROR_MESSAGE,
  setDeleteFailed,
  setDeleting,
  setReconcileCompleted,
  setReconciling,
  setUsefulErrorMessage,
} from './carvelStatus';
import {
  type FullAppSpec,
  type FullPackageInstallSpec,
  newApp,
} from './newApp';
import { sameContent } from './sameContent';
import { selectPackage } from './selectPackage';

export interface PackageInstallReconcileInputs {
  install: PackageInstall;
  /** The Packages the PackageInstall's namespace lists (with the global namespace's). */
  packages: Package[];
  /** The App named like the PackageInstall, if there is one. */
  existingApp?: App;
}

export interface PackageInstallReconcileResult {
  status: PackageInstallStatus;
  /** The App to create (none exists) or to update to (differs from the existing one). */
  app?: App;
}

/** field.Required on spec.values[i].secretRef, aggregated (packageinstall.go:130-138). */
function invalidValues(install: PackageInstall): string | undefined {
  const missing = (install.spec?.values ?? [])
    .map((value, i) =>
      value?.secretRef
        ? undefined
        : `spec.values[${i}].secretRef: Required value`,
    )
    .filter((error): error is string => error !== undefined);
  if (missing.length === 0) return undefined;
  const aggregate =
    missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`;
  return `Invalid fields: ${aggregate}`;
}

function downgradeBlocked(
  install: PackageInstall,
  version: string,
): string | undefined {
  const lastAttempted = install.status?.lastAttemptedVersion;
  if (!lastAttempted) return undefined;
  if (install.metadata.annotations?.[ANNOTATION_DOWNGRADABLE] !== undefined) {
    return undefined;
  }
  if (compareVersions(version, lastAttempted) >= 0) return undefined;
  return (
    `Stopped installing matched version '${version}' since last attempted version '${lastAttempted}' is higher.\n` +
    `hint: Add annotation ${ANNOTATION_DOWNGRADABLE}: "" to PackageInstall to proceed with downgrade`
  );
}

/** The PackageInstall's status from its App's (packageinstall.go:184-197). */
function statusFromApp(
  status: PackageInstallStatus,
  install: PackageInstall,
  app: App,
): PackageInstallStatus {
  const generation = install.metadata.generation;
  if (app.metadata.generation !== app.status?.observedGeneration) {
    return setReconciling(status, generation);
  }
  if (hasCondition(app.status, 'Reconciling')) {
    return setReconciling(status, generation);
  }
  if (hasCondition(app.status, 'ReconcileSucceeded')) {
    return setReconcileCompleted(status);
  }
  if (hasCondition(app.status, 'ReconcileFailed')) {
    return setReconcileCompleted(
      setUsefulErrorMessage(status, app.status?.usefulErrorMessage),
      SEE_USEFUL_ERROR_MESSAGE,
    );
  }
  return status;
}

/**
 * One pass of kapp-controller's PackageInstall reconcile (pkg/packageinstall/packageinstall.go:112-200
 * at e4b4822, with Reconcile:96-101 writing an error as ReconcileFailed). The status is written
 * before the App is updated, so a new version shows the old App's outcome until the App reconciles.
 */
export function reconcilePackageInstall(
  inputs: PackageInstallReconcileInputs,
): PackageInstallReconcileResult {
  const { install, existingApp } = inputs;
  let status = setReconciling(
    { ...(install.status ?? {}) },
    install.metadata.generation,
  );
  const invalid = invalidValues(install);
  if (invalid) return { status: setReconcileCompleted(status, invalid) };
  const selection = selectPackage(install, inputs.packages);
  if (selection.error !== undefined) {
    return { status: setReconcileCompleted(status, selection.error) };
  }
  const { version } = selection;
  status = { ...status, version };
  const downgrade = downgradeBlocked(install, version);
  if (downgrade) {
    return {
      status: setReconcileCompleted(
        setUsefulErrorMessage(status, downgrade),
        SEE_USEFUL_ERROR_MESSAGE,
      ),
    };
  }
  status = { ...status, lastAttemptedVersion: version };
  if (!existingApp) {
    return { status, app: newApp(undefined, install, selection.package) };
  }
  status = statusFromApp(status, install, existingApp);
  const desired = newApp(existingApp, install, selection.package);
  return {
    status,
    app: sameApp(desired, existingApp) ? undefined : desired,
  };
}

export interface PackageInstallDeletionResult {
  status: PackageInstallStatus;
  /** The App with the fields that affect its deletion copied over, when they differed. */
  updatedApp?: App;
  /** The App is still there without a deletionTimestamp: delete it. */
  deleteApp: boolean;
  /** No App is left: remove the finalizer. */
  unblockDeletion: boolean;
}

/** kapp-controller's reconcileDelete (packageinstall.go:364-429 at e4b4822). */
export function reconcilePackageInstallDeletion(
  install: PackageInstall,
  existingApp: App | undefined,
): PackageInstallDeletionResult {
  let status: PackageInstallStatus = { ...(install.status ?? {}) };
  if (!existingApp) {
    return { status, deleteApp: false, unblockDeletion: true };
  }
  const installSpec = install.spec as FullPackageInstallSpec;
  const spec: FullAppSpec = { ...existingApp.spec };
  const copy = <K extends keyof FullAppSpec>(field: K, value: unknown) => {
    if (value === undefined || value === '' || value === false)
      delete spec[field];
    else spec[field] = value as FullAppSpec[K];
  };
  copy('serviceAccountName', installSpec.serviceAccountName);
  copy('cluster', installSpec.cluster);
  copy('noopDelete', installSpec.noopDelete);
  copy('paused', installSpec.paused);
  copy('canceled', installSpec.canceled);
  copy('defaultNamespace', installSpec.defaultNamespace);
  const synced = { ...existingApp, spec };
  const updatedApp = sameApp(synced, existingApp) ? undefined : synced;
  if (!existingApp.metadata.deletionTimestamp) {
    return { status, updatedApp, deleteApp: true, unblockDeletion: false };
  }
  if (hasCondition(existingApp.status, 'Deleting')) {
    status = setDeleting(status, install.metadata.generation);
  } else if (hasCondition(existingApp.status, 'DeleteFailed')) {
    status = setDeleteFailed(
      setUsefulErrorMessage(status, existingApp.status?.usefulErrorMessage),
      SEE_USEFUL_ERROR_MESSAGE,
    );
  }
  return { status, updatedApp, deleteApp: false, unblockDeletion: false };
}

/** equality.Semantic.DeepEqual on the fields the reconcile sets (key order and undefined aside). */
function sameApp(a: App, b: App): boolean {
  const comparable = (app: App) => ({
    metadata: app.metadata,
    spec: app.spec,
  });
  return sameContent(comparable(a), comparable(b));
}
