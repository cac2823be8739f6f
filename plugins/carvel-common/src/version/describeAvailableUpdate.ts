import { compareVersions } from './compareVersions';
import { parseVersion } from './parseVersion';
import {
  newestVersion,
  selectVersion,
  type PrereleaseSelection,
} from './selectVersion';

export interface AvailableUpdateInput {
  /** The PackageInstall's `versionSelection.constraints`. */
  constraints?: string;
  /** The version running now (the App's package-version annotation or `lastAttemptedVersion`). */
  installedVersion?: string;
  /** All versions of the package on the cluster. */
  versions: readonly string[];
  prereleases?: PrereleaseSelection | null;
}

export interface AvailableUpdate {
  /** The newest version on the cluster (prereleases only if the selection admits them). */
  latestVersion?: string;
  /** A version newer than the installed one exists. */
  updateAvailable: boolean;
  /** kapp-controller would pick latestVersion itself; false e.g. for a pinned version. */
  takenByConstraints: boolean;
}

/**
 * Tells "update available → X" (the constraints hold the PackageInstall back) apart from
 * "kapp-controller is rolling out / has rolled out X" (the constraints already select it).
 */
export function describeAvailableUpdate(
  input: AvailableUpdateInput,
): AvailableUpdate {
  const { constraints, installedVersion, versions, prereleases } = input;
  const latestVersion = newestVersion(versions, { prereleases });
  if (latestVersion === undefined)
    return { updateAvailable: false, takenByConstraints: false };

  const selected = selectVersion(constraints, versions, {
    prereleases,
  }).version;
  const installed =
    installedVersion === undefined ? undefined : parseVersion(installedVersion);
  return {
    latestVersion,
    updateAvailable:
      installed !== undefined &&
      compareVersions(latestVersion, installed.original) > 0,
    takenByConstraints:
      selected !== undefined && compareVersions(selected, latestVersion) === 0,
  };
}
