/** What the client asked to receive, from its Accept header. */
export type ResponseFormat =
  | { kind: 'object' }
  | { kind: 'table'; apiVersion: string }
  | { kind: 'metadata'; apiVersion: string };

interface MediaRange {
  type: string;
  parameters: Record<string, string>;
}

function parseMediaRanges(accept: string): MediaRange[] {
  return accept
    .split(',')
    .map(part => part.trim())
    .filter(Boolean)
    .map(part => {
      const [type, ...parameterParts] = part.split(';');
      const parameters: Record<string, string> = {};
      for (const parameter of parameterParts) {
        const [key, value = ''] = parameter.split('=');
        parameters[key.trim()] = value.trim();
      }
      return { type: type.trim().toLowerCase(), parameters };
    });
}

const JSON_TYPES = new Set(['application/json', 'application/*', '*/*']);
const META_VERSIONS = new Set(['v1', 'v1beta1']);

function formatFor(range: MediaRange): ResponseFormat | undefined {
  if (!JSON_TYPES.has(range.type)) {
    return undefined;
  }
  const { as, g, v } = range.parameters;
  if (as === undefined) {
    return { kind: 'object' };
  }
  if (g !== 'meta.k8s.io' || !META_VERSIONS.has(v)) {
    return undefined;
  }
  const apiVersion = `meta.k8s.io/${v}`;
  if (as === 'Table') {
    return { kind: 'table', apiVersion };
  }
  if (as === 'PartialObjectMetadata' || as === 'PartialObjectMetadataList') {
    return { kind: 'metadata', apiVersion };
  }
  return undefined;
}

/**
 * Picks the first media range we can serve (JSON object, Table or PartialObjectMetadata);
 * undefined when none is acceptable, e.g. protobuf only.
 */
export function negotiateFormat(
  accept: string | undefined,
): ResponseFormat | undefined {
  if (!accept || accept.trim() === '') {
    return { kind: 'object' };
  }
  for (const range of parseMediaRanges(accept)) {
    const format = formatFor(range);
    if (format) {
      return format;
    }
  }
  return undefined;
}
