/*
 * The token level of blang/semver v4 `ParseRange` as vendored by kapp-controller, quirks included,
 * so a constraint is accepted, expanded or rejected exactly as kapp-controller does it.
 */
import { goQuote } from './parseVersion';

export type Parsed<T> = { value: T } | { error: string };

export interface RangeTokens {
  tokens: string[];
  /** One-character tokens blang drops without a word, e.g. the `-` of `1.0.0 - 2.0.0`. */
  ignored: string[];
}

const JOINS_NEXT_TOKEN = new Set(['>', '<', '=']);
const DIGIT = /\p{Nd}/u;

/** blang `splitAndTrim`: splits on spaces, except right after `>`, `<` or `=`. */
export function splitRangeTokens(text: string): RangeTokens {
  const tokens: string[] = [];
  const ignored: string[] = [];
  const take = (start: number, end: number) => {
    if (end - start > 1) tokens.push(text.slice(start, end).replace(/ /g, ''));
    else if (end - start === 1 && text[start] !== ' ')
      ignored.push(text[start]);
  };
  let start = 0;
  let lastChar = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] === ' ' && !JOINS_NEXT_TOKEN.has(lastChar)) {
      take(start, i);
      start = i + 1;
    } else if (text[i] !== ' ') {
      lastChar = text[i];
    }
  }
  take(start, text.length);
  return { tokens, ignored };
}

/** blang `splitORParts`; an empty alternative (`a || || b`) is kept and reported by the caller. */
export function splitAlternatives(tokens: string[]): Parsed<string[][]> {
  const alternatives: string[][] = [];
  let start = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] !== '||') continue;
    if (i === 0) return { error: "First element in range is '||'" };
    alternatives.push(tokens.slice(start, i));
    start = i + 1;
  }
  if (start === tokens.length)
    return { error: "Last element in range is '||'" };
  alternatives.push(tokens.slice(start));
  return { value: alternatives };
}

/** blang `splitComparatorVersion`: the operator is whatever precedes the first digit. */
export function splitComparator(
  token: string,
): Parsed<{ operator: string; version: string }> {
  const firstDigit = token.search(DIGIT);
  if (firstDigit < 0)
    return { error: `Could not get version from string: ${goQuote(token)}` };
  return {
    value: {
      operator: token.slice(0, firstDigit).trim(),
      version: token.slice(firstDigit),
    },
  };
}

type WildcardKind = 'minor' | 'patch' | undefined;

function wildcardKind(version: string): WildcardKind {
  const parts = version.split('.');
  if (parts[parts.length - 1] !== 'x') return undefined;
  if (parts.length === 2) return 'minor';
  return parts.length === 3 ? 'patch' : undefined;
}

// `-0` makes the bounds include prereleases: `1.x` is `>=1.0.0-0 <2.0.0-0` in the carvel fork.
function lowestOfWildcard(version: string): string {
  const flattened = version.replace('.x.x', '.x').replace('.x', '.0');
  return `${
    flattened.split('.').length === 2 ? `${flattened}.0` : flattened
  }-0`;
}

const GO_INT_MAX = 9223372036854775807n;

/** Go `strconv.Atoi` + 1; undefined where Atoi fails (not a number, or beyond int64). */
function incrementDecimal(digits: string): string | undefined {
  if (!/^[0-9]+$/.test(digits)) return undefined;
  const value = BigInt(digits);
  return value < GO_INT_MAX ? String(value + 1n) : undefined;
}

const INCREMENTED_PART = { minor: 0, patch: 1 } as const;

// Mirrors blang: when the part cannot be incremented the bound is "", which later fails to parse.
function upperOfWildcard(lowest: string, kind: WildcardKind): string {
  if (!kind) return '';
  const index = INCREMENTED_PART[kind];
  const parts = lowest.split('.');
  const incremented = incrementDecimal(parts[index]);
  if (incremented === undefined) return '';
  parts[index] = incremented;
  return parts.join('.');
}

interface WildcardOperator {
  extra?: (lowest: string) => string;
  operator: string;
  useUpper: boolean;
}

// `1.x` becomes `>=1.0.0-0 <2.0.0-0`; `!=1.x` becomes `<1.0.0-0 >=2.0.0-0` (both ANDed).
const EXACT_WILDCARD: WildcardOperator = {
  extra: lowest => `>=${lowest}`,
  operator: '<',
  useUpper: true,
};
const NEGATED_WILDCARD: WildcardOperator = {
  extra: lowest => `<${lowest}`,
  operator: '>=',
  useUpper: true,
};

const WILDCARD_OPERATORS = new Map<string, WildcardOperator>([
  ['>', { operator: '>=', useUpper: true }],
  ['>=', { operator: '>=', useUpper: false }],
  ['<', { operator: '<', useUpper: false }],
  ['<=', { operator: '<', useUpper: true }],
  ['', EXACT_WILDCARD],
  ['=', EXACT_WILDCARD],
  ['==', EXACT_WILDCARD],
  ['!', NEGATED_WILDCARD],
  ['!=', NEGATED_WILDCARD],
]);

export interface ExpandedToken {
  tokens: string[];
  /** blang turns e.g. `~1.x` into `1.0.0-0` (an exact match) instead of failing. */
  unsupportedOperator?: string;
}

/** blang `expandWildcardVersion` for one token; applies to every token containing an `x`. */
export function expandWildcard(token: string): Parsed<ExpandedToken> {
  if (!token.includes('x')) return { value: { tokens: [token] } };
  const split = splitComparator(token);
  if ('error' in split) return split;
  const { operator, version } = split.value;
  const lowest = lowestOfWildcard(version);
  const rule = WILDCARD_OPERATORS.get(operator);
  if (!rule)
    return { value: { tokens: [lowest], unsupportedOperator: operator } };
  const bound = rule.useUpper
    ? upperOfWildcard(lowest, wildcardKind(version))
    : lowest;
  const tokens = rule.extra
    ? [rule.extra(lowest), rule.operator + bound]
    : [rule.operator + bound];
  return { value: { tokens } };
}
