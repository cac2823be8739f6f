import type { App, PackageInstall } from '../types';
import { lastStepUpdate } from './deriveAppState';
import {
  packageInstallVersions,
  type PackageInstallVersions,
} from './packageInstallVersions';
import { readCarvelResource } from './readCarvelResource';
import {
  summariseCarvelResource,
  type CarvelStatusSummary,
} from './summariseCarvelResource';

export interface PackageInstallStatusSummary
  extends CarvelStatusSummary,
    PackageInstallVersions {
  /** From the App's steps; a PackageInstall status has no timestamps. */
  updatedAt?: string;
}

export interface DerivePackageInstallStateOptions {
  /** The App kapp-controller created for this PackageInstall (same name and namespace). */
  app?: App;
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
  const summary = summariseCarvelResource(facts);

  return {
    ...summary,
    ...packageInstallVersions(facts, summary.status, appFacts),
    updatedAt: appFacts && lastStepUpdate(appFacts.status),
  };
}
