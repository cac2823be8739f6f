type SchemaNode = Record<string, unknown>;

const isSchemaNode = (value: unknown): value is SchemaNode =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * The Package only carries the openAPIv3 form of the bundle's ytt schema, so ytt's
 * "(by schema.yaml:N)" positions are those of a schema.yaml that declares one property per
 * line (`#@data/values-schema` and `---` first). Keyed by the JSON pointer of the
 * property's definition (ajv's schemaPath form: `#/properties/replicas`).
 */
export function schemaLines(schema: unknown): Map<string, number> {
  const lines = new Map<string, number>([['#', 2]]);
  let next = 3;
  const walk = (node: unknown, pointer: string) => {
    if (!isSchemaNode(node)) return;
    const properties = isSchemaNode(node.properties) ? node.properties : {};
    for (const [key, child] of Object.entries(properties)) {
      const childPointer = `${pointer}/properties/${escapePointer(key)}`;
      lines.set(childPointer, next++);
      walk(child, childPointer);
    }
    if (isSchemaNode(node.items)) {
      const itemsPointer = `${pointer}/items`;
      lines.set(itemsPointer, next++);
      walk(node.items, itemsPointer);
    }
  };
  walk(schema, '#');
  return lines;
}

/** The schema node at an ajv schemaPath such as `#/properties/replicas`. */
export function schemaAt(schema: unknown, pointer: string): unknown {
  let node = schema;
  for (const segment of pointer.split('/').slice(1)) {
    if (!isSchemaNode(node)) return undefined;
    node = node[unescapePointer(segment)];
  }
  return node;
}
