import { compareParsedVersions } from './compareVersions';
import { parseStrictVersion, parseVersion, type Version } from './parseVersion';
import { parseVersionConstraints } from './versionConstraints';

/** PackageInstall `versionSelection.prereleases`: absent = none, `{}` = all, identifiers = those. */
export interface PrereleaseSelection {
  identifiers?: string[] | null;
}

export interface SelectVersionOptions {
  prereleases?: PrereleaseSelection | null;
  /** Package refName, only used to word the "not found" reason like kapp-controller. */
  packageName?: string;
}

export type VersionSelectionResult =
  | { version: string }
  | { version?: undefined; reason: string };

function keepsPrerelease(
  version: Version,
  prereleases: PrereleaseSelection | undefined,
): boolean {
  if (version.prerelease.length === 0) return true;
  if (!prereleases) return false;
  const identifiers = prereleases.identifiers ?? [];
  return (
    identifiers.length === 0 ||
    version.prerelease.some(part => identifiers.includes(part))
  );
}

// kapp-controller enables prereleases by itself when the constraint pins one exact prerelease.
function effectivePrereleases(
  constraints: string | undefined,
  prereleases: PrereleaseSelection | null | undefined,
): PrereleaseSelection | undefined {
  if (prereleases) return prereleases;
  if (!constraints) return undefined;
  const pinned = parseStrictVersion(constraints);
  return pinned.ok && pinned.version.prerelease.length > 0 ? {} : undefined;
}

function highest(versions: Version[]): Version | undefined {
  // Like Go's stable sort + last element: among equal versions the last one given wins.
  return versions.reduce<Version | undefined>(
    (best, version) =>
      best && compareParsedVersions(version, best) < 0 ? best : version,
    undefined,
  );
}

/**
 * Picks the version kapp-controller would install for a PackageInstall, in its order: drop
 * unparseable versions, filter prereleases, apply the constraints (undefined or "" = none),
 * take the highest. Package `kubernetesVersionSelection` / `kappControllerVersionSelection`
 * are not known here and not applied. Reasons are worded like kapp-controller's condition message.
 */
export function selectVersion(
  constraints: string | undefined,
  versions: readonly string[],
  options: SelectVersionOptions = {},
): VersionSelectionResult {
  if (versions.length === 0) {
    return {
      reason: options.packageName
        ? `Package ${options.packageName} not found`
        : 'Package not found',
    };
  }
  const parsed = versions
    .map(parseVersion)
    .filter((v): v is Version => v !== undefined);
  const details = [`all=${parsed.length}`];

  const prereleases = effectivePrereleases(constraints, options.prereleases);
  let candidates = parsed.filter(version =>
    keepsPrerelease(version, prereleases),
  );
  details.push(`after-prereleases-filter=${candidates.length}`);

  if (constraints) {
    const range = parseVersionConstraints(constraints);
    if (!range.ok) {
      return {
        reason: `Selecting versions: Parsing version constraint '${constraints}': ${range.error}`,
      };
    }
    candidates = candidates.filter(version => range.matches(version));
    details.push(`after-constraints-filter=${candidates.length}`);
  }

  const selected = highest(candidates);
  if (!selected) {
    return {
      reason: `Expected to find at least one version, but did not (details: ${details.join(
        ' -> ',
      )})`,
    };
  }
  return { version: selected.original };
}

/** The highest version, ignoring prereleases unless a `prereleases` selection is given. */
export function newestVersion(
  versions: readonly string[],
  options: Pick<SelectVersionOptions, 'prereleases'> = {},
): string | undefined {
  return selectVersion(undefined, versions, options).version;
}
