import { compareParsedVersions, parseVersion, Version } from './semver';
import { parseVersionConstraints } from './versionRange';

export interface PrereleaseSelection {
  identifiers?: string[];
}

export interface SelectVersionOptions {
  /** `versionSelection.prereleases`: absent = no prereleases, `{}` = all, identifiers = only those. */
  prereleases?: PrereleaseSelection;
  /** For kapp-controller's wording when there are no versions at all. */
  packageName?: string;
}

export type VersionSelectionResult =
  | { version: string; reason?: undefined }
  | { version?: undefined; reason: string };

function isSingleExactPrerelease(constraints: string | undefined): boolean {
  const trimmed = constraints?.trim().replace(/^==?/, '') ?? '';
  const version = parseVersion(trimmed);
  return !!version && trimmed === version.raw && version.prerelease.length > 0;
}

function keepByPrerelease(version: Version, prereleases: PrereleaseSelection | undefined): boolean {
  if (version.prerelease.length === 0) return true;
  if (!prereleases) return false;
  const identifiers = prereleases.identifiers ?? [];
  if (identifiers.length === 0) return true;
  return version.prerelease.some(part => !/^\d+$/.test(part) && identifiers.includes(part));
}

/**
 * Picks the version kapp-controller would install: drop unparseable versions, filter
 * prereleases, apply the constraints, take the highest.
 */
export function selectVersion(
  constraints: string | undefined,
  versions: string[],
  options: SelectVersionOptions = {},
): VersionSelectionResult {
  const parsed = versions
    .map(v => ({ text: v, version: parseVersion(v) }))
    .filter((v): v is { text: string; version: Version } => !!v.version);
  if (parsed.length === 0) {
    return {
      reason: options.packageName ? `Package ${options.packageName} not found` : 'No versions found',
    };
  }
  const prereleases =
    options.prereleases ?? (isSingleExactPrerelease(constraints) ? {} : undefined);
  const afterPrereleases = parsed.filter(v => keepByPrerelease(v.version, prereleases));
  let afterConstraints = afterPrereleases;
  if (constraints && constraints.trim() !== '') {
    const range = parseVersionConstraints(constraints);
    if (!range.ok) {
      return {
        reason: `Selecting versions: Parsing version constraint '${constraints}': ${range.error}`,
      };
    }
    afterConstraints = afterPrereleases.filter(v => range.matches(v.version));
  }
  if (afterConstraints.length === 0) {
    return {
      reason: `Expected to find at least one version, but did not (details: all=${parsed.length} -> after-prereleases-filter=${afterPrereleases.length} -> after-constraints-filter=0)`,
    };
  }
  const best = afterConstraints.reduce((a, b) => (compareParsedVersions(a.version, b.version) >= 0 ? a : b));
  return { version: best.text };
}

/** The highest version (without prereleases unless asked for). */
export function newestVersion(
  versions: string[],
  options: { prereleases?: PrereleaseSelection } = {},
): string | undefined {
  return selectVersion(undefined, versions, options).version;
}

export interface AvailableUpdate {
  latestVersion?: string;
  /** A version newer than the installed one exists. */
  updateAvailable: boolean;
  /** The constraints already select that newer version (kapp-controller will move to it). */
  takenByConstraints: boolean;
}

/** Whether a PackageInstall is behind, and whether its constraints will catch up by themselves. */
export function describeAvailableUpdate(options: {
  constraints?: string;
  installedVersion?: string;
  versions: string[];
  prereleases?: PrereleaseSelection;
}): AvailableUpdate {
  const latestVersion = newestVersion(options.versions, { prereleases: options.prereleases });
  const installed = options.installedVersion && parseVersion(options.installedVersion);
  const latest = latestVersion && parseVersion(latestVersion);
  const updateAvailable = !!latest && (!installed || compareParsedVersions(latest, installed) > 0);
  const selected = selectVersion(options.constraints, options.versions, {
    prereleases: options.prereleases,
  }).version;
  return {
    latestVersion,
    updateAvailable,
    takenByConstraints: updateAvailable && selected === latestVersion,
  };
}

