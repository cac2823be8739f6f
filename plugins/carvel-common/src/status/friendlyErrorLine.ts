import { utf8Length } from '../version/goStrings';

const FRIENDLY_LINE_BYTES = 80;
const REPLACEMENT_CHARACTER = '\uFFFD';

/** The code-unit index where `bytes` UTF-8 bytes of `text` end, and the bytes of a character cut in half. */
function cutAtByte(
  text: string,
  bytes: number,
): { end: number; cutBytes: number } {
  let used = 0;
  let end = 0;
  for (const character of text) {
    const size = utf8Length(character);
    if (used + size > bytes) return { end, cutBytes: bytes - used };
    used += size;
    end += character.length;
  }
  return { end, cutBytes: 0 };
}

/**
 * kapp-controller's `friendlyErrMsg` (pkg/reconciler/status.go:136-144 at e4b4822): the first line,
 * cut after 80 bytes (Go's `len` and slicing count bytes) with "..." added, or "..." when more lines follow.
 */
export function friendlyErrorLine(text: string): string {
  const [first, ...rest] = text.split('\n');
  if (utf8Length(first) > FRIENDLY_LINE_BYTES) {
    const { end, cutBytes } = cutAtByte(first, FRIENDLY_LINE_BYTES);
    // Go keeps the half character's bytes; encoding/json writes each invalid byte as U+FFFD.
    return `${first.slice(0, end)}${REPLACEMENT_CHARACTER.repeat(cutBytes)}...`;
  }
  return rest.length > 0 ? `${first}...` : first;
}
