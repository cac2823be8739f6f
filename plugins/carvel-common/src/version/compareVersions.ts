import { parseVersion, type Version } from './parseVersion';

export type Ordering = -1 | 0 | 1;

const NUMERIC = /^[0-9]+$/;

const sign = (difference: number) => Math.sign(difference) as Ordering;

function compareText(a: string, b: string): Ordering {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Compares unsigned decimal strings of any length without converting them to numbers. */
function compareDecimals(a: string, b: string): Ordering {
  const left = a.replace(/^0+(?=.)/, '');
  const right = b.replace(/^0+(?=.)/, '');
  if (left.length !== right.length) return sign(left.length - right.length);
  return compareText(left, right);
}

function compareIdentifiers(a: string, b: string): Ordering {
  const aNumeric = NUMERIC.test(a);
  const bNumeric = NUMERIC.test(b);
  if (aNumeric && bNumeric) return compareDecimals(a, b);
  if (aNumeric !== bNumeric) return aNumeric ? -1 : 1;
  return compareText(a, b);
}

function compareIdentifierLists(a: string[], b: string[]): Ordering {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = compareIdentifiers(a[i], b[i]);
    if (order !== 0) return order;
  }
  return sign(a.length - b.length);
}

function comparePrereleases(a: string[], b: string[]): Ordering {
  if (a.length === 0 || b.length === 0) return sign(b.length - a.length);
  return compareIdentifierLists(a, b);
}

// The carvel fork also orders by build metadata; none sorts lowest, so 1.0.0 < 1.0.0+a < 1.0.0+b.
function compareBuilds(a: string[], b: string[]): Ordering {
  if (a.length === 0 || b.length === 0) return sign(a.length - b.length);
  return compareIdentifierLists(a, b);
}

/** kapp-controller's ordering of two parsed versions. */
export function compareParsedVersions(a: Version, b: Version): Ordering {
  return (
    compareDecimals(a.major, b.major) ||
    compareDecimals(a.minor, b.minor) ||
    compareDecimals(a.patch, b.patch) ||
    comparePrereleases(a.prerelease, b.prerelease) ||
    compareBuilds(a.build, b.build)
  );
}

/**
 * kapp-controller's ordering of two version strings (a leading `v` is ignored).
 * Text that is not a version sorts before every version, and among itself by plain string order,
 * so the result is still a total order.
 */
export function compareVersions(a: string, b: string): Ordering {
  const left = parseVersion(a);
  const right = parseVersion(b);
  if (left && right) return compareParsedVersions(left, right);
  if (left || right) return left ? 1 : -1;
  return compareText(a, b);
}

/** A sorted copy, lowest first; ties keep their input order like kapp-controller's stable sort. */
export function sortVersions(versions: readonly string[]): string[] {
  return [...versions].sort(compareVersions);
}
