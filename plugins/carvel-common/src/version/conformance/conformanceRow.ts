import type { PrereleaseSelection } from '../selectVersion';

/** One case of kapp-controller's version selection, with the answer kapp-controller gives. */
export interface ConformanceRow {
  /** Where the expectation comes from: repository@commit, file, test or function, line. */
  source: string;
  /** `versionSelection.constraints`; undefined or "" = none. */
  constraints?: string;
  /** The Package versions of the refName in the namespace, in list order. */
  versions: string[];
  prereleases?: PrereleaseSelection | null;
  packageName?: string;
  /** Whether the namespace lists any Package at all; default: whether `versions` is non-empty. */
  namespaceHasPackages?: boolean;
  /** Present when some version has kubernetesVersionSelection: the versions that fail it. */
  kubernetesCheckFails?: string[];
  /** The versions whose kappControllerVersionSelection fails. */
  kappControllerCheckFails?: string[];
  expected: { version: string } | { error: string };
}

export const SEMVER = 'carvel-dev/semver@8090ce4';
export const VENDIR = 'carvel-dev/vendir@v0.40.0';
export const KAPP_CONTROLLER = 'carvel-dev/kapp-controller@e4b4822';

/** kapp-controller's error when nothing is left; the counts of the steps it took, in order. */
export function noVersion(...counts: number[]): { error: string } {
  const steps = [
    'all',
    'after-prereleases-filter',
    'after-kapp-controller-version-check',
    'after-constraints-filter',
  ];
  const details = counts.map((count, i) => `${steps[i]}=${count}`);
  return {
    error: `Expected to find at least one version, but did not (details: ${details.join(
      ' -> ',
    )})`,
  };
}

/** The error of a constraint kapp-controller cannot parse. */
export function constraintError(
  constraints: string,
  error: string,
): { error: string } {
  return {
    error: `Selecting versions: Parsing version constraint '${constraints}': ${error}`,
  };
}

/**
 * A range test of semver's range_test.go as selection rows: each probed version alone on the
 * cluster is selected when the range matches it, and leaves nothing when it does not.
 */
export function probeRows(
  source: string,
  constraints: string,
  probes: [version: string, matches: boolean][],
): ConformanceRow[] {
  return probes.map(([version, matches]) => ({
    source,
    constraints,
    versions: [version],
    expected: matches ? { version } : noVersion(1, 1, 1, 0),
  }));
}
