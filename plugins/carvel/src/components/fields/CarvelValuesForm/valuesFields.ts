export type ScalarKind = 'string' | 'number' | 'integer' | 'boolean';

interface FieldBase {
  /** Property names from the values document's root. */
  path: string[];
  title: string;
  description?: string;
  required: boolean;
  defaultValue?: unknown;
}

export type ValuesField =
  | (FieldBase & { kind: ScalarKind; sensitive: boolean })
  | (FieldBase & { kind: 'enum'; options: Array<string | number | boolean> })
  | (FieldBase & { kind: 'array'; itemKind: ScalarKind })
  | (FieldBase & { kind: 'object'; fields: ValuesField[] })
  /** Anything the form does not generate inputs for (arrays of objects, oneOf, ...): typed as JSON. */
  | (FieldBase & { kind: 'json' });

/** Bounds for a schema from outside: deeper or larger parts are typed as JSON. */
export const VALUES_FORM_LIMITS = { maxDepth: 6, maxFields: 200 };

const SENSITIVE_NAME = /password|secret|token|key|credential/i;
const SCALAR_KINDS: readonly string[] = [
  'string',
  'number',
  'integer',
  'boolean',
];

type Schema = Record<string, unknown>;

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A value kept out of git: by its name, `x-sensitive: true` or `format: password`. */
export function isSensitiveField(name: string, schema: Schema): boolean {
  return (
    schema['x-sensitive'] === true ||
    schema.format === 'password' ||
    SENSITIVE_NAME.test(name)
  );
}

function isScalarEnum(
  values: unknown,
): values is Array<string | number | boolean> {
  return (
    Array.isArray(values) &&
    values.length > 0 &&
    values.every(v => ['string', 'number', 'boolean'].includes(typeof v))
  );
}

/** The form's fields for a Package's `valuesSchema.openAPIv3`, in the schema's property order. */
export function describeValuesFields(
  schema: unknown,
  limits = VALUES_FORM_LIMITS,
): ValuesField[] {
  let budget = limits.maxFields;
  function describeObject(
    objectSchema: Schema,
    parentPath: string[],
    depth: number,
  ): ValuesField[] {
    const properties = isSchema(objectSchema.properties)
      ? objectSchema.properties
      : {};
    const required = Array.isArray(objectSchema.required)
      ? objectSchema.required.filter((r): r is string => typeof r === 'string')
      : [];
    const fields: ValuesField[] = [];
    for (const [name, property] of Object.entries(properties)) {
      if (budget <= 0 || !isSchema(property)) continue;
      budget -= 1;
      const base: FieldBase = {
        path: [...parentPath, name],
        title: text(property.title) ?? name,
        description: text(property.description),
        required: required.includes(name),
        defaultValue: property.default,
      };
      fields.push(describeProperty(name, property, base, depth));
    }
    return fields;
  }
  function describeProperty(
    name: string,
    property: Schema,
    base: FieldBase,
    depth: number,
  ): ValuesField {
    if (isScalarEnum(property.enum)) {
      return { ...base, kind: 'enum', options: property.enum };
    }
    const type = property.type;
    if (typeof type === 'string' && SCALAR_KINDS.includes(type)) {
      return {
        ...base,
        kind: type as ScalarKind,
        sensitive: isSensitiveField(name, property),
      };
    }
    if (type === 'array' && isSchema(property.items)) {
      const itemType = property.items.type;
      if (typeof itemType === 'string' && SCALAR_KINDS.includes(itemType)) {
        return { ...base, kind: 'array', itemKind: itemType as ScalarKind };
      }
    }
    if (type === 'object' && depth < limits.maxDepth) {
      return {
        ...base,
        kind: 'object',
        fields: describeObject(property, base.path, depth + 1),
      };
    }
    return { ...base, kind: 'json' };
  }
  return isSchema(schema) ? describeObject(schema, [], 1) : [];
}

/** Every field that holds a value (objects flattened), in form order. */
export function leafFields(fields: ValuesField[]): ValuesField[] {
  return fields.flatMap(field =>
    field.kind === 'object' ? leafFields(field.fields) : [field],
  );
}

/** The whole values document as one JSON input, for a version without a values schema. */
export const WHOLE_VALUES_DOCUMENT: ValuesField = {
  kind: 'json',
  path: [],
  title: 'Values',
  required: false,
};
