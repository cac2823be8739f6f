import { compareParsedVersions, parseStrictVersion, Version } from './semver';

/**
 * Version constraints with the grammar of blang/semver v4 `ParseRange`, which kapp-controller uses:
 * space = AND, `||` = OR, comparators `< <= > >= = == ! !=` (or none), wildcards `1.x` / `1.2.x`.
 * No `^`, `~`, hyphen ranges or `v` prefixes; error texts follow blang's.
 */
export type VersionConstraints =
  | { ok: true; matches(version: Version): boolean }
  | { ok: false; error: string };

type Comparator = (version: Version) => boolean;

const COMPARATORS: Record<string, (c: number) => boolean> = {
  '': c => c === 0,
  '=': c => c === 0,
  '==': c => c === 0,
  '!': c => c !== 0,
  '!=': c => c !== 0,
  '>': c => c > 0,
  '>=': c => c >= 0,
  '<': c => c < 0,
  '<=': c => c <= 0,
};

class RangeError extends Error {}

/** blang's splitAndTrim: split on spaces, except right after an operator character. */
function splitAndTrim(text: string): string[] {
  const result: string[] = [];
  let last = 0;
  let lastChar = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] === ' ' && !['>', '<', '='].includes(lastChar)) {
      // blang drops one-character tokens here (so a lone '-' vanishes); kept for fidelity.
      if (last < i - 1) result.push(text.slice(last, i));
      last = i + 1;
    } else if (text[i] !== ' ') {
      lastChar = text[i];
    }
  }
  if (last < text.length - 1) result.push(text.slice(last));
  return result.map(part => part.replace(/ /g, ''));
}

function splitOrParts(parts: string[]): string[][] {
  const groups: string[][] = [];
  let current: string[] = [];
  for (const part of parts) {
    if (part === '||') {
      if (current.length === 0) throw new RangeError('Empty OR part');
      groups.push(current);
      current = [];
    } else {
      current.push(part);
    }
  }
  if (current.length === 0) throw new RangeError('Empty OR part');
  groups.push(current);
  return groups;
}

function splitComparatorVersion(part: string): [string, string] {
  const firstDigit = part.search(/\d/);
  if (firstDigit === -1) throw new RangeError(`Could not get version from string: "${part}"`);
  return [part.slice(0, firstDigit).trim(), part.slice(firstDigit)];
}

function incrementAt(version: string, index: 0 | 1): string {
  const parts = version.split('.').map(Number);
  parts[index] += 1;
  for (let i = index + 1; i < 3; i++) parts[i] = 0;
  return parts.join('.');
}

/** blang's expandWildcardVersion for `1.x`, `1.2.x` and their comparator forms. */
function expandWildcard(part: string): string[] {
  const [operator, version] = splitComparatorVersion(part);
  const segments = version.split('.');
  if (segments[segments.length - 1] !== 'x' || segments.length < 2 || segments.length > 3) {
    return [part];
  }
  const flat = [...segments.slice(0, -1).filter(s => s !== 'x'), '0', '0'].slice(0, 3).join('.');
  const next = incrementAt(flat, segments.length === 2 ? 0 : 1);
  switch (operator) {
    case '>':
      return [`>=${next}`];
    case '>=':
      return [`>=${flat}`];
    case '<':
      return [`<${flat}`];
    case '<=':
      return [`<${next}`];
    case '!':
    case '!=':
      return [`<${flat}`, `>=${next}`];
    default:
      return [`>=${flat}`, `<${next}`];
  }
}

function parseComparator(part: string, group: string[]): Comparator {
  const [operator, versionText] = splitComparatorVersion(part);
  const version = parseStrictVersion(versionText);
  if (!version) {
    throw new RangeError(`Could not parse Range "${part}": ${describeBadVersion(versionText)}`);
  }
  const compare = COMPARATORS[operator];
  if (!compare) {
    throw new RangeError(`Could not parse comparator "${operator}" in "${group.join(' ')}"`);
  }
  return candidate => compare(compareParsedVersions(candidate, version));
}

function describeBadVersion(text: string): string {
  const core = text.split(/[-+]/)[0];
  if (core.split('.').length !== 3) return 'No Major.Minor.Patch elements found';
  return `Invalid version "${text}"`;
}

export function parseVersionConstraints(constraints: string): VersionConstraints {
  try {
    const groups = splitOrParts(splitAndTrim(constraints)).map(group => {
      const expanded = group.flatMap(part => (part.includes('x') ? expandWildcard(part) : [part]));
      return expanded.map(part => parseComparator(part, group));
    });
    return {
      ok: true,
      matches: version => groups.some(group => group.every(comparator => comparator(version))),
    };
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, error: error.message };
    throw error;
  }
}
