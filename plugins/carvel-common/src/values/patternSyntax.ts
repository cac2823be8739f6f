/** A pattern the linear engine refuses: a feature that needs backtracking, or a pattern too large to run safely. */
export class UnsupportedPatternError extends Error {
  constructor(pattern: string, reason: string) {
    super(`pattern '${preview(pattern)}' ${reason}`);
    this.name = 'UnsupportedPatternError';
  }
}

export function preview(pattern: string): string {
  return pattern.length > 80 ? `${pattern.slice(0, 77)}...` : pattern;
}

export type Assertion = 'start' | 'end' | 'wordBoundary' | 'notWordBoundary';

export type PatternNode =
  | { kind: 'char'; matches: (codePoint: number) => boolean }
  | { kind: 'assert'; assertion: Assertion }
  | { kind: 'sequence'; items: PatternNode[] }
  | { kind: 'alternation'; options: PatternNode[] }
  | { kind: 'repeat'; node: PatternNode; min: number; max: number };

export const MAX_PATTERN_LENGTH = 1000;

/** One code point in, yes or no: a native RegExp for a single character cannot backtrack. */
function singleCharacter(text: string): (codePoint: number) => boolean {
  const native = new RegExp(`^(?:${text})$`, 'u');
  const ascii = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    ascii[c] = native.test(String.fromCharCode(c)) ? 1 : 0;
  }
  return codePoint =>
    codePoint < 128
      ? ascii[codePoint] === 1
      : native.test(String.fromCodePoint(codePoint));
}

function literal(codePoint: number): PatternNode {
  return { kind: 'char', matches: c => c === codePoint };
}

/**
 * Parses an ECMAScript pattern with the `u` flag (as Ajv uses it) into a tree the
 * linear engine runs. Syntax errors are the native RegExp's own.
 */
export function parsePattern(pattern: string): PatternNode {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    throw new UnsupportedPatternError(
      pattern,
      `is longer than ${MAX_PATTERN_LENGTH} characters`,
    );
  }
  // eslint-disable-next-line no-new
  new RegExp(pattern, 'u');
  let at = 0;
  const unsupported = (what: string) =>
    new UnsupportedPatternError(
      pattern,
      `uses ${what}, which cannot be checked in linear time`,
    );

  const readNumber = (): number => {
    const start = at;
    while (at < pattern.length && /[0-9]/.test(pattern[at])) at++;
    return Number(pattern.slice(start, at));
  };

  const escapeEnd = (start: number): number => {
    const next = pattern[start + 1];
    if (next === 'u' && pattern[start + 2] === '{') {
      return pattern.indexOf('}', start) + 1;
    }
    if (next === 'p' || next === 'P') return pattern.indexOf('}', start) + 1;
    if (next === 'u') return start + 6;
    if (next === 'x') return start + 4;
    if (next === 'c') return start + 3;
    return start + 2;
  };

  const parseAtom = (): PatternNode => {
    const char = pattern[at];
    if (char === '(') {
      at++;
      if (pattern[at] === '?') {
        const kind = pattern[at + 1];
        if (kind === ':') {
          at += 2;
        } else if (kind === '<' && /[^=!]/.test(pattern[at + 2])) {
          at = pattern.indexOf('>', at) + 1;
        } else if (kind === '=' || kind === '!' || kind === '<') {
          throw unsupported('lookaround');
        } else {
          throw unsupported('group modifiers');
        }
      }
      const inner = parseAlternation();
      at++; // the ')' the native RegExp guarantees
      return inner;
    }
    if (char === '[') {
      const start = at;
      at++;
      if (pattern[at] === '^') at++;
      while (pattern[at] !== ']') at += pattern[at] === '\\' ? 2 : 1;
      at++;
      return {
        kind: 'char',
        matches: singleCharacter(pattern.slice(start, at)),
      };
    }
    if (char === '.') {
      at++;
      return { kind: 'char', matches: singleCharacter('.') };
    }
    if (char === '^' || char === '$') {
      at++;
      return { kind: 'assert', assertion: char === '^' ? 'start' : 'end' };
    }
    if (char === '\\') {
      const next = pattern[at + 1];
      if (next === 'b' || next === 'B') {
        at += 2;
        return {
          kind: 'assert',
          assertion: next === 'b' ? 'wordBoundary' : 'notWordBoundary',
        };
      }
      if (/[1-9k]/.test(next)) throw unsupported('backreferences');
      const end = escapeEnd(at);
      const text = pattern.slice(at, end);
      at = end;
      return { kind: 'char', matches: singleCharacter(text) };
    }
    const codePoint = pattern.codePointAt(at)!;
    at += codePoint > 0xffff ? 2 : 1;
    return literal(codePoint);
  };

  const parseQuantified = (): PatternNode => {
    const node = parseAtom();
    let min: number;
    let max: number;
    const char = pattern[at];
    if (char === '*' || char === '+' || char === '?') {
      at++;
      min = char === '+' ? 1 : 0;
      max = char === '?' ? 1 : Infinity;
    } else if (char === '{') {
      at++;
      min = readNumber();
      max = min;
      if (pattern[at] === ',') {
        at++;
        max = pattern[at] === '}' ? Infinity : readNumber();
      }
      at++;
    } else {
      return node;
    }
    if (pattern[at] === '?') at++; // laziness does not change whether a pattern matches
    return { kind: 'repeat', node, min, max };
  };

  const parseSequence = (): PatternNode => {
    const items: PatternNode[] = [];
    while (at < pattern.length && pattern[at] !== '|' && pattern[at] !== ')') {
      items.push(parseQuantified());
    }
    return { kind: 'sequence', items };
  };

  function parseAlternation(): PatternNode {
    const options = [parseSequence()];
    while (pattern[at] === '|') {
      at++;
      options.push(parseSequence());
    }
    return options.length === 1 ? options[0] : { kind: 'alternation', options };
  }

  return parseAlternation();
}
