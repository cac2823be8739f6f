import { Document, isPair, isScalar, Scalar, visit } from 'yaml';

/**
 * Keys whose string values are always double-quoted: `>=0.0.0` unquoted is a
 * YAML block indicator and `1.10` unquoted would become the float 1.1.
 */
export const ALWAYS_QUOTED_KEYS: readonly string[] = ['constraints', 'version'];

function toDocument(manifest: unknown): Document {
  // Shared sub-objects must be written out again, never as YAML anchors and aliases.
  const doc = new Document(manifest, { aliasDuplicateObjects: false });
  visit(doc, {
    Pair(_key, pair) {
      if (
        isPair(pair) &&
        isScalar(pair.key) &&
        ALWAYS_QUOTED_KEYS.includes(String(pair.key.value)) &&
        isScalar(pair.value) &&
        typeof pair.value.value === 'string'
      ) {
        pair.value.type = Scalar.QUOTE_DOUBLE;
      }
    },
  });
  return doc;
}

/**
 * Renders Kubernetes manifests as one YAML stream: every document starts with
 * `---`, keys keep the order the objects were built in, long strings are never
 * folded, so the same input always gives the same bytes.
 */
export function renderManifests(manifests: unknown[]): string {
  return manifests
    .map(manifest =>
      toDocument(manifest).toString({ directives: true, lineWidth: 0 }),
    )
    .join('');
}

/** Renders a ytt data-values document (the content of a values Secret key), starting with `---`. */
export function renderValuesDocument(values: Record<string, unknown>): string {
  return new Document(values).toString({ directives: true, lineWidth: 0 });
}
