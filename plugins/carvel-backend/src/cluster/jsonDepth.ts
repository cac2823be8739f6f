import {
  OPEN_OBJECT,
  OPEN_ARRAY,
  CLOSE_OBJECT,
  CLOSE_ARRAY,
  QUOTE,
  BACKSLASH,
} from './jsonCharCodes';

/**
 * Walks JSON text once, without parsing it, and reports the nesting depth reached inside each
 * value that starts at `elementDepth` (the items of a list are at depth 2: `{"items":[{…}]}`).
 */
function scan(
  text: string,
  elementDepth: number,
  onElement: (start: number, end: number, depth: number) => void,
): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  let elementStart = -1;
  let elementDeepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      continue;
    }
    if (c === QUOTE) inString = true;
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (depth === elementDepth + 1) {
        elementStart = i;
        elementDeepest = 0;
      }
      if (depth - elementDepth > elementDeepest)
        elementDeepest = depth - elementDepth;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      if (depth === elementDepth + 1 && elementStart !== -1) {
        onElement(elementStart, i + 1, elementDeepest);
        elementStart = -1;
      }
      depth--;
    }
  }
  return deepest;
}

/** The deepest nesting of objects and arrays in JSON text: `{}` is 1, `{"a":[1]}` is 2. */
export function jsonDepth(text: string): number {
  return scan(text, Infinity, () => {});
}

/**
 * Replaces every item of a list body nested deeper than `maxDepth` with `null`, so that
 * one pathological object costs neither a deep parse nor the rest of the page.
 */
export function dropDeepListItems(
  text: string,
  maxDepth: number,
): { text: string; dropped: number } {
  const deep: Array<[number, number]> = [];
  const deepest = scan(text, 2, (start, end, depth) => {
    if (depth > maxDepth) deep.push([start, end]);
  });
  if (deepest <= maxDepth + 2 || deep.length === 0) {
    return { text, dropped: 0 };
  }
  const parts: string[] = [];
  let from = 0;
  for (const [start, end] of deep) {
    parts.push(text.slice(from, start), 'null');
    from = end;
  }
  parts.push(text.slice(from));
  return { text: parts.join(''), dropped: deep.length };
}
