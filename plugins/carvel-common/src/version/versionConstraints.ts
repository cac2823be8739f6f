import { compareParsedVersions, type Ordering } from './compareVersions';
import { goQuote } from './goStrings';
import { parseStrictVersion, parseVersion, type Version } from './parseVersion';
import {
  expandWildcard,
  splitAlternatives,
  splitComparator,
  splitRangeTokens,
  type Parsed,
} from './rangeTokens';

/** A candidate that reaches the nil Range of an empty `||` alternative: kapp-controller panics. */
export const NIL_RANGE_PANIC = 'panic';

export type ConstraintOutcome = boolean | typeof NIL_RANGE_PANIC;

export interface ConstraintReading {
  /** Each `||` alternative's tokens as written (spaces after operators removed), before wildcard expansion. */
  written: string[][];
  /** Each `||` alternative as kapp-controller evaluates it after wildcard expansion; [] = empty alternative. */
  alternatives: string[][];
  /** One-byte tokens kapp-controller dropped without a word. */
  ignored: string[];
  /** Wildcard tokens whose operator kapp-controller dropped, e.g. `~1.x` read as `1.0.0`. */
  droppedOperators: { token: string; operator: string; readAs: string }[];
}

export type VersionConstraints =
  | ({
      ok: true;
      matches(version: string | Version): boolean;
      /** kapp-controller's answer for one parsed candidate, including the panic of an empty alternative. */
      evaluate(version: Version): ConstraintOutcome;
    } & ConstraintReading)
  | { ok: false; error: string };

type VersionTest = (candidate: Version) => boolean;

const COMPARATORS = new Map<string, (order: Ordering) => boolean>([
  ['', order => order === 0],
  ['=', order => order === 0],
  ['==', order => order === 0],
  ['>', order => order > 0],
  ['>=', order => order >= 0],
  ['<', order => order < 0],
  ['<=', order => order <= 0],
  ['!', order => order !== 0],
  ['!=', order => order !== 0],
]);

/** range.go:126-133 with `buildVersionRange` (range.go:177): the bound is a strict semver. */
function compileComparator(token: string): Parsed<VersionTest> {
  const split = splitComparator(token);
  if ('error' in split) return split;
  const { operator, version } = split.value;
  const accepts = COMPARATORS.get(operator);
  const wrap = (reason: string) => ({
    error: `Could not parse Range ${goQuote(token)}: ${reason}`,
  });
  if (!accepts) {
    return wrap(
      `Could not parse comparator ${goQuote(operator)} in ${goQuote(
        operator + version,
      )}`,
    );
  }
  const bound = parseStrictVersion(version);
  if (!bound.ok) {
    return wrap(
      `Could not parse version ${goQuote(version)} in ${goQuote(
        operator + version,
      )}: ${bound.error}`,
    );
  }
  return {
    value: candidate =>
      accepts(compareParsedVersions(candidate, bound.version)),
  };
}

function compileAlternative(tokens: string[]): Parsed<VersionTest | null> {
  if (tokens.length === 0) return { value: null };
  const tests: VersionTest[] = [];
  for (const token of tokens) {
    const compiled = compileComparator(token);
    if ('error' in compiled) return compiled;
    tests.push(compiled.value);
  }
  return { value: candidate => tests.every(test => test(candidate)) };
}

// range.go:143-146 folds the alternatives left to right with short-circuit ORs.
function evaluateAlternatives(
  tests: (VersionTest | null)[],
  candidate: Version,
): ConstraintOutcome {
  for (const test of tests) {
    if (test === null) return NIL_RANGE_PANIC;
    if (test(candidate)) return true;
  }
  return false;
}

/**
 * Parses a PackageInstall `versionSelection.constraints` exactly as kapp-controller's `ParseRange`
 * (carvel-dev/semver v4 at 8090ce4): `<`, `<=`, `>`, `>=`, `=`, `==`, `!`, `!=` or no operator;
 * space = AND, `||` = OR; `1.x` / `1.2.x` wildcards without `-0`. Errors are kapp-controller's
 * text. Everything kapp-controller accepts is accepted, however odd; `ConstraintReading` says how
 * it was read, and `describeConstraintQuirks` turns that into words.
 */
export function parseVersionConstraints(
  constraints: string,
): VersionConstraints {
  if (typeof constraints !== 'string')
    return { ok: false, error: 'Constraints must be a string' };
  const { tokens, ignored } = splitRangeTokens(constraints);
  const split = splitAlternatives(tokens);
  if ('error' in split) return { ok: false, error: split.error };

  const alternatives: string[][] = [];
  const droppedOperators: ConstraintReading['droppedOperators'] = [];
  for (const alternative of split.value) {
    const expanded: string[] = [];
    for (const token of alternative) {
      const result = expandWildcard(token);
      if ('error' in result) return { ok: false, error: result.error };
      const { tokens: expandedTokens, droppedOperator } = result.value;
      if (droppedOperator !== undefined)
        droppedOperators.push({
          token,
          operator: droppedOperator,
          readAs: expandedTokens.join(' '),
        });
      expanded.push(...expandedTokens);
    }
    alternatives.push(expanded);
  }

  const tests: (VersionTest | null)[] = [];
  for (const alternative of alternatives) {
    const compiled = compileAlternative(alternative);
    if ('error' in compiled) return { ok: false, error: compiled.error };
    tests.push(compiled.value);
  }

  const evaluate = (candidate: Version) =>
    evaluateAlternatives(tests, candidate);
  return {
    ok: true,
    written: split.value,
    alternatives,
    ignored,
    droppedOperators,
    evaluate,
    matches(version) {
      const candidate =
        typeof version === 'string' ? parseVersion(version) : version;
      return candidate !== undefined && evaluate(candidate) === true;
    },
  };
}
