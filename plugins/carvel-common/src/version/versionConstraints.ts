import { compareParsedVersions, type Ordering } from './compareVersions';
import {
  goQuote,
  parseStrictVersion,
  parseVersion,
  type Version,
} from './parseVersion';
import {
  expandWildcard,
  splitAlternatives,
  splitComparator,
  splitRangeTokens,
  type Parsed,
} from './rangeTokens';

export type VersionConstraints =
  | { ok: true; matches(version: string | Version): boolean }
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

// blang expands `!=1.x` to `<1.0.0-0 >=2.0.0-0` inside one AND group, which nothing satisfies.
function wildcardNegation(token: string): string | undefined {
  const negation = /^(!=?)\s*\d.*\.x$/.exec(token);
  return negation ? negation[1] : undefined;
}

/** blang `buildVersionRange`, with the `Could not parse Range` wrapping `ParseRange` adds. */
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

function compileAlternative(tokens: string[]): Parsed<VersionTest> {
  const tests: VersionTest[] = [];
  for (const token of tokens) {
    const compiled = compileComparator(token);
    if ('error' in compiled) return compiled;
    tests.push(compiled.value);
  }
  return { value: candidate => tests.every(test => test(candidate)) };
}

const IGNORED_TOKEN_HINTS: Record<string, string> = {
  '-': ' (hyphen ranges are not supported)',
  '!': ' (write "!=1.0.0" without a space)',
};

interface MisreadWildcard {
  token: string;
  operator: string;
}

/** Constructs kapp-controller accepts without an error but that cannot mean what was written. */
function silentlyMisreadProblem(
  constraints: string,
  ignored: string[],
  alternatives: string[][],
  misreadWildcard?: MisreadWildcard,
): string | undefined {
  const prefix = `Could not parse Range ${goQuote(constraints)}:`;
  if (ignored.length > 0) {
    const hint = IGNORED_TOKEN_HINTS[ignored[0]] ?? '';
    return `${prefix} ${goQuote(
      ignored[0],
    )} would be ignored by kapp-controller${hint}`;
  }
  if (alternatives.some(tokens => tokens.length === 0))
    return `${prefix} empty alternative between '||'`;
  if (!misreadWildcard) return undefined;
  const { token, operator } = misreadWildcard;
  if (operator === '!' || operator === '!=') {
    return `Could not parse Range ${goQuote(token)}: a wildcard after ${goQuote(
      operator,
    )} matches no version in kapp-controller`;
  }
  return `Could not parse Range ${goQuote(
    token,
  )}: Could not parse comparator ${goQuote(operator)} in ${goQuote(token)}`;
}

/**
 * Parses a PackageInstall `versionSelection.constraints` with kapp-controller's range grammar
 * (blang/semver v4): `<`, `<=`, `>`, `>=`, `=`, `==`, `!`, `!=` or no operator; space = AND,
 * `||` = OR; `1.x` / `1.2.x` wildcards. Errors use kapp-controller's wording. It is stricter only
 * where kapp-controller silently misreads a constraint (`1.0.0 - 2.0.0`, `! 1.0.0`, `~1.x`, `!=1.x`).
 */
export function parseVersionConstraints(
  constraints: string,
): VersionConstraints {
  if (typeof constraints !== 'string')
    return { ok: false, error: 'Constraints must be a string' };
  const { tokens, ignored } = splitRangeTokens(constraints);
  const alternatives = splitAlternatives(tokens);
  if ('error' in alternatives) return { ok: false, error: alternatives.error };

  const expandedAlternatives: string[][] = [];
  let misreadWildcard: MisreadWildcard | undefined;
  for (const alternative of alternatives.value) {
    const expanded: string[] = [];
    for (const token of alternative) {
      const result = expandWildcard(token);
      if ('error' in result) return { ok: false, error: result.error };
      const { tokens: expandedTokens, unsupportedOperator } = result.value;
      const operator = unsupportedOperator ?? wildcardNegation(token);
      if (operator !== undefined) misreadWildcard ??= { token, operator };
      expanded.push(...expandedTokens);
    }
    expandedAlternatives.push(expanded);
  }

  const tests: VersionTest[] = [];
  for (const alternative of expandedAlternatives.filter(
    group => group.length > 0,
  )) {
    const compiled = compileAlternative(alternative);
    if ('error' in compiled) return { ok: false, error: compiled.error };
    tests.push(compiled.value);
  }

  const problem = silentlyMisreadProblem(
    constraints,
    ignored,
    alternatives.value,
    misreadWildcard,
  );
  if (problem) return { ok: false, error: problem };

  return {
    ok: true,
    matches(version) {
      const candidate =
        typeof version === 'string' ? parseVersion(version) : version;
      return candidate !== undefined && tests.some(test => test(candidate));
    },
  };
}
