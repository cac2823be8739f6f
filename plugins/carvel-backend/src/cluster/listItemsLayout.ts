import {
  OPEN_OBJECT,
  OPEN_ARRAY,
  CLOSE_OBJECT,
  CLOSE_ARRAY,
  QUOTE,
  BACKSLASH,
  COMMA,
} from './jsonCharCodes';

const ITEMS = Buffer.from('items');

const isWhitespace = (c: number) =>
  c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

export interface ListItemsLayout {
  /** Offsets of the top-level `items` array's `[` and just past its `]`. */
  arrayStart: number;
  arrayEnd: number;
  /** Each item's [start, end) and how deeply it nests (`{}` is 1). */
  items: Array<[number, number, number]>;
}

/** The index of the quote that closes the string opened at `open`, or -1. */
function closingQuote(bytes: Buffer, open: number): number {
  let quote = bytes.indexOf(QUOTE, open + 1);
  while (quote !== -1) {
    let backslashes = 0;
    while (bytes[quote - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote;
    quote = bytes.indexOf(QUOTE, quote + 1);
  }
  return -1;
}

/**
 * Finds the objects of a list body's top-level `items` array in its UTF-8 bytes without decoding
 * or parsing it, so each item can be parsed on its own (one small string each instead of one large
 * string per page). Undefined for any other layout (primitives among the items, a second `items`,
 * stray bytes, unbalanced brackets): the caller then parses the body whole.
 */
export function listItemsLayout(bytes: Buffer): ListItemsLayout | undefined {
  let depth = 0;
  let lastKeyStart = -1;
  let lastKeyEnd = -1;
  let arrayStart = -1;
  let arrayEnd = -1;
  let inItems = false;
  let expectItem = true;
  let itemStart = -1;
  let itemDeepest = 0;
  const items: Array<[number, number, number]> = [];
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === QUOTE) {
      const end = closingQuote(bytes, i);
      if (end === -1) return undefined;
      if (inItems && depth === 2) return undefined;
      if (depth === 1) {
        lastKeyStart = i + 1;
        lastKeyEnd = end;
      }
      i = end;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (inItems && depth === 2) {
        if (!expectItem) return undefined;
        expectItem = false;
        itemStart = i;
        itemDeepest = 0;
      }
      if (
        depth === 1 &&
        c === OPEN_ARRAY &&
        bytes.subarray(lastKeyStart, lastKeyEnd).equals(ITEMS)
      ) {
        if (arrayStart !== -1) return undefined;
        arrayStart = i;
        inItems = true;
      }
      depth++;
      if (inItems && depth - 2 > itemDeepest) itemDeepest = depth - 2;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth--;
      if (depth < 0) return undefined;
      if (inItems && depth === 2) items.push([itemStart, i + 1, itemDeepest]);
      if (inItems && depth === 1) {
        if (expectItem && items.length > 0) return undefined;
        inItems = false;
        arrayEnd = i + 1;
      }
    } else if (inItems && depth === 2) {
      if (c === COMMA) {
        if (expectItem) return undefined;
        expectItem = true;
      } else if (!isWhitespace(c)) {
        return undefined;
      }
    }
  }
  if (depth !== 0 || arrayStart === -1 || arrayEnd === -1) return undefined;
  return { arrayStart, arrayEnd, items };
}
