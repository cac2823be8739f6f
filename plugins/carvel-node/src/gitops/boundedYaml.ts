import { parseAllDocuments } from 'yaml';

export interface YamlLimits {
  maxBytes: number;
  maxDocuments: number;
  maxDepth: number;
  maxAliasCount: number;
}

export const DEFAULT_YAML_LIMITS: YamlLimits = {
  maxBytes: 256 * 1024,
  maxDocuments: 32,
  maxDepth: 32,
  maxAliasCount: 64,
};

export type BoundedYamlResult = { documents: unknown[] } | { problem: string };

/** Every document of a multi-document YAML text, or one sentence saying which bound or syntax rule it broke. */
export function parseBoundedYaml(
  text: string,
  limits: YamlLimits = DEFAULT_YAML_LIMITS,
): BoundedYamlResult {
  const bytes = Buffer.byteLength(text);
  if (bytes > limits.maxBytes) {
    return {
      problem: `is ${bytes} bytes, more than the ${limits.maxBytes} read`,
    };
  }
  if (nestingOf(text) > limits.maxDepth) {
    return { problem: `nests deeper than ${limits.maxDepth} levels` };
  }
  try {
    const parsed = parseAllDocuments(text);
    const docs = Array.isArray(parsed) ? parsed : [];
    if (docs.length > limits.maxDocuments) {
      return {
        problem: `has ${docs.length} documents, more than the ${limits.maxDocuments} read`,
      };
    }
    const documents: unknown[] = [];
    for (const doc of docs) {
      const error = doc.errors[0];
      if (error) {
        const line = error.linePos?.[0]?.line;
        return {
          problem: `is not valid YAML${line ? ` (line ${line})` : ''}: ${
            error.code
          }`,
        };
      }
      const value = doc.toJS({ maxAliasCount: limits.maxAliasCount });
      if (depthOf(value, limits.maxDepth) > limits.maxDepth) {
        return { problem: `nests deeper than ${limits.maxDepth} levels` };
      }
      if (value !== null && value !== undefined) documents.push(value);
    }
    return { documents };
  } catch (error) {
    const name = (error as Error)?.name;
    return {
      problem:
        name === 'ReferenceError'
          ? `uses more than ${limits.maxAliasCount} aliases`
          : 'is not valid YAML',
    };
  }
}

/** Flow-collection nesting, checked before parsing: it is how a small text nests deep enough to exhaust the parser's stack. */
function nestingOf(text: string): number {
  let deepest = 0;
  let open = 0;
  for (const char of text) {
    if (char === '[' || char === '{') deepest = Math.max(deepest, ++open);
    else if ((char === ']' || char === '}') && open > 0) open--;
  }
  return deepest;
}

function depthOf(value: unknown, stopAt: number): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (deepest > stopAt) return deepest;
    if (current && typeof current === 'object') {
      for (const child of Object.values(current))
        stack.push([child, depth + 1]);
    }
  }
  return deepest;
}
