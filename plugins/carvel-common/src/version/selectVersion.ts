import { compareParsedVersions } from './compareVersions';
import { parseStrictVersion, parseVersion, type Version } from './parseVersion';
import { NIL_RANGE_PANIC, parseVersionConstraints } from './versionConstraints';

/** PackageInstall `versionSelection.prereleases`: absent = none, `{}` = all, identifiers = those. */
export interface PrereleaseSelection {
  identifiers?: string[] | null;
}

/** A Package-level check kapp-controller applies between the prerelease and constraint filters. */
export type PackageVersionCheck = (version: string) => boolean;

export interface SelectVersionOptions {
  prereleases?: PrereleaseSelection | null;
  /** Package refName, only used to word the "not found" reason like kapp-controller. */
  packageName?: string;
  /**
   * Whether the PackageInstall's namespace lists any Package at all (of any refName, global ones
   * included). kapp-controller says `Package X not found` only then; otherwise it reports the
   * empty selection with its details. Default: whether `versions` is non-empty.
   */
  namespaceHasPackages?: boolean;
  /** Set when some version of the package has `kubernetesVersionSelection` constraints: its outcome per version. */
  kubernetesVersionCheck?: PackageVersionCheck;
  /** The outcome of each version's `kappControllerVersionSelection`; default: every version passes. */
  kappControllerVersionCheck?: PackageVersionCheck;
}

export type VersionSelectionResult =
  | { version: string }
  | { version?: undefined; reason: string };

// vendir semvers.go:128 shouldKeepPrerelease: any identifier of the prerelease listed keeps it.
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

// packageinstall.go:316-324: a constraint that is one strict semver with a prerelease enables prereleases.
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
  // vendir semvers.go:144 Highest: stable sort, last element; among equal versions the last one given wins.
  return versions.reduce<Version | undefined>(
    (best, version) =>
      best && compareParsedVersions(version, best) < 0 ? best : version,
    undefined,
  );
}

/** What kapp-controller does when a candidate reaches the nil Range of an empty `||` alternative. */
const PANIC_REASON =
  'kapp-controller panics while filtering versions with this constraint (an empty alternative between ' +
  "'||' is a nil Range): runtime error: invalid memory address or nil pointer dereference";

/**
 * Picks the version kapp-controller would install for a PackageInstall, in its order
 * (packageinstall.go:282 referencedPkgVersion, vendir selector.go:22): `Package X not found` when the
 * namespace has no Package at all, drop unparseable versions, filter prereleases, the Package-level
 * kubernetes and kapp-controller version checks, the constraints (undefined or "" = none), take
 * the highest. Reasons are kapp-controller's error text.
 */
export function selectVersion(
  constraints: string | undefined,
  versions: readonly string[],
  options: SelectVersionOptions = {},
): VersionSelectionResult {
  const namespaceHasPackages =
    options.namespaceHasPackages ?? versions.length > 0;
  if (!namespaceHasPackages) {
    return { reason: `Package ${options.packageName ?? ''} not found` };
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

  const checks: [string, PackageVersionCheck][] = [
    ...(options.kubernetesVersionCheck
      ? [
          ['kubernetes-version-check', options.kubernetesVersionCheck] as [
            string,
            PackageVersionCheck,
          ],
        ]
      : []),
    [
      'kapp-controller-version-check',
      options.kappControllerVersionCheck ?? (() => true),
    ],
  ];
  for (const [name, check] of checks) {
    candidates = candidates.filter(version => check(version.original));
    details.push(`after-${name}=${candidates.length}`);
  }

  if (constraints) {
    const range = parseVersionConstraints(constraints);
    if (!range.ok) {
      return {
        reason: `Selecting versions: Parsing version constraint '${constraints}': ${range.error}`,
      };
    }
    const outcomes = candidates.map(version => range.evaluate(version));
    if (outcomes.includes(NIL_RANGE_PANIC)) return { reason: PANIC_REASON };
    candidates = candidates.filter((_, i) => outcomes[i] === true);
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
