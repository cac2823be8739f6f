/*
 * The few Go standard-library string functions whose exact behaviour reaches kapp-controller's
 * version messages and range parsing (strconv.Quote, strings.TrimSpace, strconv.Atoi/Itoa, len).
 */

const PRINTABLE = /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u;
const SHORT_ESCAPES: Record<number, string> = {
  7: '\\a',
  8: '\\b',
  9: '\\t',
  10: '\\n',
  11: '\\v',
  12: '\\f',
  13: '\\r',
};

const hex = (value: number, width: number) =>
  value.toString(16).padStart(width, '0');

function quoteRune(char: string): string {
  const code = char.codePointAt(0)!;
  if (char === '"') return '\\"';
  if (char === '\\') return '\\\\';
  if (code >= 0x20 && code < 0x7f) return char;
  if (code >= 0x80 && PRINTABLE.test(char)) return char;
  if (SHORT_ESCAPES[code]) return SHORT_ESCAPES[code];
  if (code < 0x20 || code === 0x7f) return `\\x${hex(code, 2)}`;
  return code < 0x10000 ? `\\u${hex(code, 4)}` : `\\U${hex(code, 8)}`;
}

/** Go's `%q` / strconv.Quote: printable runes as they are, the rest escaped Go's way. */
export function goQuote(text: string): string {
  return `"${Array.from(text, quoteRune).join('')}"`;
}

// Go's unicode.IsSpace; unlike String.prototype.trim it includes U+0085 and excludes U+FEFF.
const GO_SPACE =
  '\\t\\n\\v\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000';
const GO_TRIM = new RegExp(`^[${GO_SPACE}]+|[${GO_SPACE}]+$`, 'gu');

/** Go's strings.TrimSpace. */
export function goTrimSpace(text: string): string {
  return text.replace(GO_TRIM, '');
}

/** Go's len(string): the UTF-8 byte length. */
export function utf8Length(text: string): number {
  let length = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) length += 1;
    else if (code < 0x800) length += 2;
    else if (code < 0x10000) length += 3;
    else length += 4;
  }
  return length;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Go's strconv.Atoi on a 64-bit platform: optional sign, decimal digits, int64 range. */
export function goAtoi(text: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(text)) return undefined;
  const value = BigInt(text);
  return value < INT64_MIN || value > INT64_MAX ? undefined : value;
}

/** Go's `i + 1` on an int64, wrapping around at the maximum like Go does. */
export function goIncrement(value: bigint): bigint {
  return value === INT64_MAX ? INT64_MIN : value + 1n;
}
