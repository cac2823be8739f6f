import {
  goAtoi,
  goIncrement,
  goQuote,
  goTrimSpace,
  utf8Length,
} from './goStrings';

describe('goQuote', () => {
  it.each([
    ['1.0.0', '"1.0.0"'],
    ['a"b\\c', '"a\\"b\\\\c"'],
    ['0\t<2', '"0\\t<2"'],
    ['\u0007\u0000\u007f', '"\\a\\x00\\x7f"'],
    ['\u00a0\u0085\u200b', '"\\u00a0\\u0085\\u200b"'],
    ['é😀', '"é😀"'],
    ['\u{e0001}', '"\\U000e0001"'],
  ])('quotes %j as Go does', (text, quoted) => {
    expect(goQuote(text)).toBe(quoted);
  });
});

describe('goTrimSpace', () => {
  it('trims what unicode.IsSpace calls space, and not U+FEFF', () => {
    expect(goTrimSpace('\t\u0085 >= \u3000')).toBe('>=');
    expect(goTrimSpace('\ufeff>=')).toBe('\ufeff>=');
  });
});

describe('utf8Length', () => {
  it('counts bytes', () => {
    expect(utf8Length('-')).toBe(1);
    expect(utf8Length('é')).toBe(2);
    expect(utf8Length('€')).toBe(3);
    expect(utf8Length('😀')).toBe(4);
  });
});

describe('goAtoi and goIncrement', () => {
  it('read a sign and stay within int64', () => {
    expect(goAtoi('-1')).toBe(-1n);
    expect(goAtoi('+007')).toBe(7n);
    expect(goAtoi('9223372036854775808')).toBeUndefined();
    expect(goAtoi('1-rc')).toBeUndefined();
    expect(goAtoi('')).toBeUndefined();
  });

  it('wraps like Go at the end of int64', () => {
    expect(goIncrement(9223372036854775807n)).toBe(-9223372036854775808n);
    expect(goIncrement(-1n)).toBe(0n);
  });
});
