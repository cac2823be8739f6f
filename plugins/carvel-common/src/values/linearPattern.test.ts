import { LinearPattern, PatternBudgetExceededError } from './linearPattern';
import { UnsupportedPatternError } from './patternSyntax';

describe('LinearPattern', () => {
  const cases: Array<[string, string[]]> = [
    ['^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', ['web', 'a-b', '-a', 'a-', '', 'A']],
    ['^(a+)+$', ['a', 'aaaa', 'aaa!', '', 'b']],
    ['^\\d{1,3}(\\.\\d{1,3}){3}$', ['10.0.0.1', '1.2.3', '1234.1.1.1']],
    ['colou?r', ['color', 'the colour red', 'colr']],
    ['^(?:https?|ftp)://[^\\s/$.?#].[^\\s]*$', ['https://x.io/a', 'ftp:/x']],
    ['^[\\w.-]+@[\\w-]+\\.[a-z]{2,}$', ['a.b@c-d.org', 'a@b', '@b.io']],
    ['\\bcat\\b', ['a cat', 'concat', 'cat', 'cats']],
    ['\\Bcat', ['concat', 'cat']],
    ['^$', ['', 'x']],
    ['a|b|', ['', 'c', 'a']],
    ['^(?<word>[A-Z][a-z]+)\\s', ['Hello ', 'hello ']],
    ['^x{2,}$', ['x', 'xx', 'xxxxx']],
    ['^x{0,2}y*?$', ['', 'xx', 'xxx', 'xyy']],
    ['^.$', ['\n', 'é', '😀', 'ab']],
    ['^[😀-😂]+$', ['😀😁', '😃']],
    ['^\\p{Lu}\\u{1F600}\\x41\\u0042$', ['Ä😀AB', 'ä😀AB']],
    ['^[^\\]a-c]*$', ['xyz', 'xa', 'x]']],
    ['(a*)*b', ['aaab', 'aaa', 'b']],
    ['^(|a)+$', ['', 'aaa', 'ab']],
    ['\\$\\{[a-z]+\\}', ['${var}', '$var']],
  ];

  it.each(cases)('agrees with the native RegExp on %s', (source, inputs) => {
    const pattern = new LinearPattern(source);
    const native = new RegExp(source, 'u');
    for (const input of inputs) {
      expect([input, pattern.test(input)]).toEqual([input, native.test(input)]);
    }
  });

  it('answers ^(a+)+$ against a long non-matching string with work linear in its length', () => {
    const input = `${'a'.repeat(10_000)}!`;
    // A backtracking engine needs about 2^10000 steps here; this budget allows 20 per character.
    const pattern = new LinearPattern('^(a+)+$', {
      maxProgramSize: 100,
      maxSteps: 20 * input.length,
    });
    expect(pattern.test(input)).toBe(false);
    expect(pattern.test('a'.repeat(10_000))).toBe(true);
  });

  it('stops a test that would exceed its step budget', () => {
    const pattern = new LinearPattern('^[a-z]*$', {
      maxProgramSize: 100,
      maxSteps: 1000,
    });
    expect(pattern.test('a'.repeat(100))).toBe(true);
    expect(() => pattern.test('a'.repeat(10_000))).toThrow(
      PatternBudgetExceededError,
    );
  });

  it.each([
    ['(a)\\1', /backreferences/],
    ['(?<x>a)\\k<x>', /backreferences/],
    ['^(?!-)[a-z]+$', /lookaround/],
    ['(?<=a)b', /lookaround/],
    ['(a{1000}){1000}', /expands to more than 10000 instructions/],
    ['a{99999999}', /repeats more than/],
    ['x'.repeat(1001), /longer than 1000 characters/],
  ])('refuses %s', (source, reason) => {
    expect(() => new LinearPattern(source)).toThrow(UnsupportedPatternError);
    expect(() => new LinearPattern(source)).toThrow(reason);
  });

  it('reports syntax errors as the native RegExp does', () => {
    expect(() => new LinearPattern('a(')).toThrow(SyntaxError);
    expect(() => new LinearPattern('\\-')).toThrow(SyntaxError);
  });
});
