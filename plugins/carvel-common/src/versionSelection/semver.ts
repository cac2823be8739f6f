/**
 * Versions as kapp-controller compares them (carvel-dev/semver v4, a blang/semver fork):
 * numeric major.minor.patch, semver prerelease precedence, and build metadata compared too.
 */
export interface Version {
  major: bigint;
  minor: bigint;
  patch: bigint;
  prerelease: string[];
  build: string[];
  raw: string;
}

const NUMERIC = /^(0|[1-9]\d*)$/;
const IDENTIFIER = /^[0-9A-Za-z-]+$/;

function parseIdentifiers(text: string | undefined, allowLeadingZeros: boolean): string[] | undefined {
  if (text === undefined) return [];
  const parts = text.split('.');
  for (const part of parts) {
    if (!IDENTIFIER.test(part)) return undefined;
    if (!allowLeadingZeros && /^\d+$/.test(part) && !NUMERIC.test(part)) return undefined;
  }
  return parts;
}

/** Strict semver 2.0 (what Package versions must be); undefined when invalid. */
export function parseStrictVersion(text: string): Version | undefined {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:-([^+]+))?(?:\+(.+))?$/.exec(text);
  if (!match) return undefined;
  const [, major, minor, patch, pre, build] = match;
  if (![major, minor, patch].every(n => NUMERIC.test(n))) return undefined;
  const prerelease = parseIdentifiers(pre, false);
  const buildParts = parseIdentifiers(build, true);
  if (!prerelease || !buildParts) return undefined;
  return { major: BigInt(major), minor: BigInt(minor), patch: BigInt(patch), prerelease, build: buildParts, raw: text };
}

/** How candidate Package versions are read: a leading `v` is tolerated. */
export function parseVersion(text: string): Version | undefined {
  if (typeof text !== 'string') return undefined;
  return parseStrictVersion(text.trim().replace(/^v/, ''));
}

function compareIdentifiers(a: string[], b: string[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i >= a.length) return -1;
    if (i >= b.length) return 1;
    const aNumeric = /^\d+$/.test(a[i]);
    const bNumeric = /^\d+$/.test(b[i]);
    if (aNumeric && bNumeric) {
      const diff = BigInt(a[i]) - BigInt(b[i]);
      if (diff !== 0n) return diff < 0n ? -1 : 1;
    } else if (aNumeric !== bNumeric) {
      return aNumeric ? -1 : 1;
    } else if (a[i] !== b[i]) {
      return a[i] < b[i] ? -1 : 1;
    }
  }
  return 0;
}

function compareNumbers(a: bigint, b: bigint): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

export function compareParsedVersions(a: Version, b: Version): number {
  return (
    compareNumbers(a.major, b.major) ||
    compareNumbers(a.minor, b.minor) ||
    compareNumbers(a.patch, b.patch) ||
    comparePrerelease(a.prerelease, b.prerelease) ||
    compareBuild(a.build, b.build)
  );
}

function comparePrerelease(a: string[], b: string[]): number {
  // A release is greater than any of its prereleases.
  if (a.length === 0 && b.length === 0) return 0;
  if (a.length === 0) return 1;
  if (b.length === 0) return -1;
  return compareIdentifiers(a, b);
}

function compareBuild(a: string[], b: string[]): number {
  // The carvel fork compares build metadata: 1.0.0 < 1.0.0+a < 1.0.0+b.
  if (a.length === 0 && b.length === 0) return 0;
  if (a.length === 0) return -1;
  if (b.length === 0) return 1;
  return compareIdentifiers(a, b);
}

/** Compares two version strings; unparseable versions sort before every valid one. */
export function compareVersions(a: string, b: string): number {
  const pa = parseVersion(a);
  const pb = parseVersion(b);
  if (pa && pb) return compareParsedVersions(pa, pb);
  if (pa) return 1;
  if (pb) return -1;
  return a.localeCompare(b);
}

/** Ascending, kapp-controller order (so TAP timestamps sort numerically, not as strings). */
export function sortVersions(versions: string[]): string[] {
  return [...versions].sort(compareVersions);
}
