import { describeAvailableUpdate } from './describeAvailableUpdate';

export interface InstallVersionFacts {
  /** The version that runs (or was selected when what runs is not known). */
  version?: string;
  /** `status.lastAttemptedVersion`. */
  lastAttemptedVersion?: string;
  /** Handed to the App, not deployed yet. */
  deployingVersion?: string;
  /** `versionSelection.constraints`. */
  constraints?: string;
  /** All versions of the package on the cluster. */
  versions: readonly string[];
}

export interface InstallVersionSummary {
  /** Newest version of the package on the cluster. */
  latestVersion?: string;
  /** A newer version the constraints do not take yet ("update available → X"). */
  availableUpdate?: string;
  /** Only when it says something `version` and `deployingVersion` do not: an attempt that did not land. */
  lastAttemptedVersion?: string;
}

/** What a PackageInstall's versions tell a reader: the newest version, an update the constraints hold back, a failed attempt. */
export function describeInstallVersions(
  facts: InstallVersionFacts,
): InstallVersionSummary {
  const { version, lastAttemptedVersion, deployingVersion } = facts;
  const update = describeAvailableUpdate({
    constraints: facts.constraints,
    installedVersion: version,
    versions: facts.versions,
  });
  const attemptSaysMore =
    lastAttemptedVersion !== undefined &&
    lastAttemptedVersion !== version &&
    lastAttemptedVersion !== deployingVersion;
  return {
    ...(update.latestVersion ? { latestVersion: update.latestVersion } : {}),
    ...(update.updateAvailable && !update.takenByConstraints
      ? { availableUpdate: update.latestVersion }
      : {}),
    ...(attemptSaysMore ? { lastAttemptedVersion } : {}),
  };
}
