import { goQuote } from './goStrings';

/**
 * A version as kapp-controller parses it (github.com/carvel-dev/semver v4, a blang/semver fork).
 * Numbers stay decimal strings: they are uint64 in Go and may exceed Number.MAX_SAFE_INTEGER.
 */
export interface Version {
  major: string;
  minor: string;
  patch: string;
  prerelease: string[];
  build: string[];
  /** The text as given; kapp-controller reports and selects this, never a normalised form. */
  original: string;
}

export type VersionParseResult =
  | { ok: true; version: Version }
  | { ok: false; error: string };

type IdentifierKind = 'PreRelease' | 'BuildMeta';

const UINT64_MAX = '18446744073709551615';
const DIGITS = /^[0-9]*$/;
const ALPHANUMERIC = /^[0-9A-Za-z-]*$/;

const failure = (error: string): VersionParseResult => ({ ok: false, error });

function exceedsUint64(digits: string): boolean {
  const significant = digits.replace(/^0+(?=.)/, '');
  return (
    significant.length > UINT64_MAX.length ||
    (significant.length === UINT64_MAX.length && significant > UINT64_MAX)
  );
}

function numberProblem(
  text: string,
  name: 'major' | 'minor' | 'patch',
): string | undefined {
  if (!DIGITS.test(text)) {
    return `Invalid character(s) found in ${name} number ${goQuote(text)}`;
  }
  if (text.length > 1 && text.startsWith('0')) {
    const label = name.charAt(0).toUpperCase() + name.slice(1);
    return `${label} number must not contain leading zeroes ${goQuote(text)}`;
  }
  if (text === '') return 'strconv.ParseUint: parsing "": invalid syntax';
  if (exceedsUint64(text)) {
    return `strconv.ParseUint: parsing ${goQuote(text)}: value out of range`;
  }
  return undefined;
}

function identifierProblem(
  identifier: string,
  kind: IdentifierKind,
): string | undefined {
  if (identifier === '') return `${kind} is empty`;
  if (DIGITS.test(identifier)) {
    // semver.go newVersionExtension returns ParseUint's error as it is, build metadata included.
    if (exceedsUint64(identifier)) {
      return `strconv.ParseUint: parsing ${goQuote(
        identifier,
      )}: value out of range`;
    }
    if (
      kind === 'PreRelease' &&
      identifier.length > 1 &&
      identifier.startsWith('0')
    ) {
      return `Numeric PreRelease version must not contain leading zeroes ${goQuote(
        identifier,
      )}`;
    }
    return undefined;
  }
  if (!ALPHANUMERIC.test(identifier)) {
    return `Invalid character(s) found in ${kind} ${goQuote(identifier)}`;
  }
  return undefined;
}

function splitAt(
  text: string,
  separator: string,
): [string, string | undefined] {
  const index = text.indexOf(separator);
  return index < 0
    ? [text, undefined]
    : [text.slice(0, index), text.slice(index + 1)];
}

/**
 * Strict semver 2.0 as Package `spec.version` must be, with the library's error texts
 * (they surface in constraint errors such as `Could not parse version "1.0" in ">=1.0": ...`).
 */
export function parseStrictVersion(text: string): VersionParseResult {
  if (text.length === 0) return failure('Version string empty');
  const [major, afterMajor] = splitAt(text, '.');
  const [minor, rest] =
    afterMajor === undefined ? [''] : splitAt(afterMajor, '.');
  if (afterMajor === undefined || rest === undefined) {
    return failure('No Major.Minor.Patch elements found');
  }
  const [withoutBuild, buildText] = splitAt(rest, '+');
  const [patch, prereleaseText] = splitAt(withoutBuild, '-');
  const numberError =
    numberProblem(major, 'major') ??
    numberProblem(minor, 'minor') ??
    numberProblem(patch, 'patch');
  if (numberError) return failure(numberError);

  const prerelease =
    prereleaseText === undefined ? [] : prereleaseText.split('.');
  const build = buildText === undefined ? [] : buildText.split('.');
  const identifierError =
    prerelease.map(id => identifierProblem(id, 'PreRelease')).find(Boolean) ??
    build.map(id => identifierProblem(id, 'BuildMeta')).find(Boolean);
  if (identifierError) return failure(identifierError);

  return {
    ok: true,
    version: { major, minor, patch, prerelease, build, original: text },
  };
}

/**
 * Parses a candidate version the way kapp-controller reads Package versions ("relaxed": one
 * leading `v` is ignored). Returns undefined for anything kapp-controller would silently skip.
 */
export function parseVersion(text: string): Version | undefined {
  if (typeof text !== 'string') return undefined;
  const result = parseStrictVersion(
    text.startsWith('v') ? text.slice(1) : text,
  );
  return result.ok ? { ...result.version, original: text } : undefined;
}
