/*
 * The token level of `ParseRange` in github.com/carvel-dev/semver/v4 at 8090ce4 (v4/range.go), the
 * copy kapp-controller e4b4822 vendors through vendir v0.40.0, quirks included: kapp-controller
 * accepts, expands or rejects a constraint exactly as these functions do.
 */
import {
  goAtoi,
  goIncrement,
  goQuote,
  goTrimSpace,
  utf8Length,
} from './goStrings';

export type Parsed<T> = { value: T } | { error: string };

export interface RangeTokens {
  tokens: string[];
  /** Tokens of one byte, which range.go:211/219 drop without a word, e.g. the `-` of `1.0.0 - 2.0.0`. */
  ignored: string[];
}

const JOINS_NEXT_TOKEN = new Set(['>', '<', '=']);
const DIGIT = /\p{Nd}/u;

/** range.go:205 `splitAndTrim`: splits on spaces, except right after `>`, `<` or `=`. */
export function splitRangeTokens(text: string): RangeTokens {
  const tokens: string[] = [];
  const ignored: string[] = [];
  // range.go:211 keeps a piece only from two bytes up (`last < i-1`), counting UTF-8 bytes.
  const take = (piece: string) => {
    if (utf8Length(piece) > 1) tokens.push(piece.replace(/ /g, ''));
    else if (piece !== '' && piece !== ' ') ignored.push(piece);
  };
  let start = 0;
  let lastChar = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] === ' ' && !JOINS_NEXT_TOKEN.has(lastChar)) {
      take(text.slice(start, i));
      start = i + 1;
    } else if (text[i] !== ' ') {
      lastChar = text[i];
    }
  }
  take(text.slice(start));
  return { tokens, ignored };
}

/**
 * range.go:156 `splitORParts`. An empty alternative (`a || || b`) is kept: range.go:143-146 ORs
 * a nil Range that panics when it is called.
 */
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

/** range.go:238 `splitComparatorVersion`: the operator is whatever precedes the first Unicode digit. */
export function splitComparator(
  token: string,
): Parsed<{ operator: string; version: string }> {
  const firstDigit = token.search(DIGIT);
  if (firstDigit < 0)
    return { error: `Could not get version from string: ${goQuote(token)}` };
  return {
    value: {
      operator: goTrimSpace(token.slice(0, firstDigit)),
      version: token.slice(firstDigit),
    },
  };
}

export type WildcardKind = 'minor' | 'patch' | undefined;

/** range.go:248: only a last dot-part of exactly `x` is a wildcard; `1.x.x` has three parts, so it is a patch wildcard. */
export function wildcardKind(version: string): WildcardKind {
  const parts = version.split('.');
  if (parts[parts.length - 1] !== 'x') return undefined;
  if (parts.length === 2) return 'minor';
  return parts.length === 3 ? 'patch' : undefined;
}

/** range.go:264: the first `.x.x` becomes `.x`, then the first `.x` becomes `.0` (no `-0`: that came upstream later). */
function flattenWildcard(version: string): string {
  const flattened = version.replace('.x.x', '.x').replace('.x', '.0');
  return flattened.split('.').length === 2 ? `${flattened}.0` : flattened;
}

/** range.go:280/293: Atoi + 1 on one dot-part; "" when Atoi fails, a wrapped negative number at int64's end. */
function incrementPart(version: string, index: number): string {
  const parts = version.split('.');
  const value = goAtoi(parts[index] ?? '');
  if (value === undefined) return '';
  parts[index] = goIncrement(value).toString();
  return parts.join('.');
}

interface WildcardRule {
  /** A comparator range.go:353/357 puts before the bound, with the flattened version. */
  before?: string;
  operator: string;
  increment: boolean;
}

const EXACT: WildcardRule = { before: '>=', operator: '<', increment: true };
const NEGATED: WildcardRule = { before: '<', operator: '>=', increment: true };
const WILDCARD_RULES = new Map<string, WildcardRule>([
  ['>', { operator: '>=', increment: true }],
  ['>=', { operator: '>=', increment: false }],
  ['<', { operator: '<', increment: false }],
  ['<=', { operator: '<', increment: true }],
  ['', EXACT],
  ['=', EXACT],
  ['==', EXACT],
  ['!=', NEGATED],
  ['!', NEGATED],
]);
// range.go:341: any other operator (`~`, `^`, `v`) falls through to the flattened version alone: `~1.x` is `1.0.0`.
const UNKNOWN_OPERATOR: WildcardRule = { operator: '', increment: false };

export interface ExpandedToken {
  tokens: string[];
  /** The wildcard's operator when range.go silently dropped it (`~1.x` becomes `1.0.0`). */
  droppedOperator?: string;
}

/**
 * range.go:325 `expandWildcardVersion` for one token. It applies to every token containing an `x`
 * anywhere, so `>=1.0.0-xyz` passes through, while `1.0.0-xyz` becomes `>=1.0.0-xyz <` (an error).
 */
export function expandWildcard(token: string): Parsed<ExpandedToken> {
  if (!token.includes('x')) return { value: { tokens: [token] } };
  const split = splitComparator(token);
  if ('error' in split) return split;
  const { operator, version } = split.value;
  const kind = wildcardKind(version);
  const flat = flattenWildcard(version);
  const rule = WILDCARD_RULES.get(operator) ?? UNKNOWN_OPERATOR;
  let bound = flat;
  if (rule.increment) {
    if (kind === 'patch') bound = incrementPart(flat, 1);
    else if (kind === 'minor') bound = incrementPart(flat, 0);
    else bound = '';
  }
  const tokens = rule.before ? [rule.before + flat] : [];
  tokens.push(rule.operator + bound);
  return {
    value: {
      tokens,
      ...(WILDCARD_RULES.has(operator) ? {} : { droppedOperator: operator }),
    },
  };
}
