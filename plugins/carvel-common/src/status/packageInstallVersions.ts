import type { CarvelStatus } from '../api';
import { ANNOTATION_APP_PACKAGE_VERSION } from '../constants';
import { readText, type CarvelResourceFacts } from './readCarvelResource';

export interface PackageInstallVersions {
  /** `status.version`: what the last resolution selected, not necessarily what runs. */
  version?: string;
  /** `status.lastAttemptedVersion`: the version last handed to the App. */
  lastAttemptedVersion?: string;
  /** What runs, as far as the objects tell: the App's version once the App has reconciled it. */
  deployedVersion?: string;
  /** Handed to the App, not deployed yet: the App has not finished reconciling the spec with it. */
  deployingVersion?: string;
}

/** Statuses in which the PackageInstall says its version is (being) rolled out. */
const ROLLING_OUT: ReadonlySet<CarvelStatus> = new Set([
  'succeeded',
  'reconciling',
]);

const reconciledItsSpec = (app: CarvelResourceFacts) =>
  app.generation === undefined || app.generation === app.observedGeneration;

// A paused or canceled App marks its generation observed without deploying (pkg/app/app_reconcile.go:38-44).
const deploysItsSpec = (app: CarvelResourceFacts) =>
  !app.paused && !app.canceled && !app.deletionRequested;

/** The version kapp-controller wrote into the App (pkg/packageinstall/app.go:52), if any. */
const appVersion = (app: CarvelResourceFacts) =>
  app.annotations[ANNOTATION_APP_PACKAGE_VERSION] as string | undefined;

/** The App finished a successful reconcile of its current spec, so its version is what kapp deployed. */
const appSucceededOnItsSpec = (app: CarvelResourceFacts) =>
  reconciledItsSpec(app) &&
  deploysItsSpec(app) &&
  app.condition?.type === 'ReconcileSucceeded';

function appHasReconciled(app: CarvelResourceFacts, version: string): boolean {
  const finished =
    app.condition?.type === 'ReconcileSucceeded' ||
    app.condition?.type === 'ReconcileFailed';
  const handedVersion = appVersion(app);
  return (
    reconciledItsSpec(app) &&
    finished &&
    (handedVersion === undefined || handedVersion === version)
  );
}

/**
 * kapp-controller copies the App's old condition into the PackageInstall (packageinstall.go:184-196)
 * before it writes the new version into the App (packageinstall.go:227-233, app.go:52), so a
 * PackageInstall can say "succeeded, 2.0.0" while its App has not deployed 2.0.0 yet.
 */
export function packageInstallVersions(
  install: CarvelResourceFacts,
  status: CarvelStatus,
  app: CarvelResourceFacts | undefined,
): PackageInstallVersions {
  const version = readText(install.status.version);
  const lastAttemptedVersion = readText(install.status.lastAttemptedVersion);
  if (!app) {
    return {
      version,
      lastAttemptedVersion,
      deployedVersion:
        install.condition?.type === 'ReconcileSucceeded'
          ? lastAttemptedVersion
          : undefined,
    };
  }
  // Without the annotation the App cannot say its version: the PackageInstall's success has to do.
  const deployedVersion = appSucceededOnItsSpec(app)
    ? appVersion(app) ??
      (status === 'succeeded' ? lastAttemptedVersion : undefined)
    : undefined;
  const deploying =
    lastAttemptedVersion !== undefined &&
    ROLLING_OUT.has(status) &&
    deploysItsSpec(app) &&
    !appHasReconciled(app, lastAttemptedVersion);
  return {
    version,
    lastAttemptedVersion,
    deployedVersion,
    ...(deploying ? { deployingVersion: lastAttemptedVersion } : {}),
  };
}
