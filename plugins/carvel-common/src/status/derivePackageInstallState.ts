import { ANNOTATION_APP_PACKAGE_VERSION } from '../constants';
import type { App, PackageInstall } from '../types';
import { lastStepUpdate } from './deriveAppState';
import {
  readCarvelResource,
  readText,
  type CarvelResourceFacts,
} from './readCarvelResource';
import {
  summariseCarvelResource,
  type CarvelStatusSummary,
} from './summariseCarvelResource';

export interface PackageInstallStatusSummary extends CarvelStatusSummary {
  /** `status.version`: what the last resolution selected, not necessarily what runs. */
  version?: string;
  /** `status.lastAttemptedVersion`: the version last handed to the App. */
  lastAttemptedVersion?: string;
  /** What the App runs: its package-version annotation, else lastAttemptedVersion once succeeded. */
  deployedVersion?: string;
  /** From the App's steps; a PackageInstall status has no timestamps. */
  updatedAt?: string;
}

export interface DerivePackageInstallStateOptions {
  /** The App kapp-controller created for this PackageInstall (same name and namespace). */
  app?: App;
}

function deployedVersion(
  facts: CarvelResourceFacts,
  appFacts: CarvelResourceFacts | undefined,
) {
  const fromApp = appFacts?.annotations[ANNOTATION_APP_PACKAGE_VERSION];
  if (fromApp) return fromApp;
  return facts.condition?.type === 'ReconcileSucceeded'
    ? readText(facts.status.lastAttemptedVersion)
    : undefined;
}

/** The state of a PackageInstall (carvel.md §3.5); never throws, malformed input gives `unknown`. */
export function derivePackageInstallState(
  // Anything read from a cluster: malformed objects are reported, never thrown.
  packageInstall: PackageInstall | unknown,
  options: DerivePackageInstallStateOptions = {},
): PackageInstallStatusSummary {
  const reading = readCarvelResource(packageInstall, 'PackageInstall');
  if ('problem' in reading) {
    return {
      status: 'unknown',
      description: reading.problem,
      pendingSpecChange: false,
    };
  }
  const { facts } = reading;
  const appReading =
    options.app === undefined
      ? undefined
      : readCarvelResource(options.app, 'App');
  const appFacts =
    appReading && 'facts' in appReading ? appReading.facts : undefined;

  return {
    ...summariseCarvelResource(facts),
    version: readText(facts.status.version),
    lastAttemptedVersion: readText(facts.status.lastAttemptedVersion),
    deployedVersion: deployedVersion(facts, appFacts),
    updatedAt: appFacts && lastStepUpdate(appFacts.status),
  };
}
