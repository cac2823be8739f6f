import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import {
  type Document,
  LineCounter,
  isMap,
  isScalar,
  isSeq,
  parseAllDocuments,
} from 'yaml';
import type { DataValuesFile } from './dataValues';
import { nearestKey } from './nearestKey';
import { schemaAt, schemaLines } from './schemaLines';

/** One entry of ytt's "One or more data values were invalid" report. */
export interface DataValueFailure {
  description?: string;
  fileName: string;
  line: number;
  source: string;
  found: string;
  expected: string;
  hints: string[];
}

export type DataValuesCheck =
  | { failures: DataValueFailure[]; yamlError?: undefined }
  | { yamlError: string };

const ajv = new Ajv({ allErrors: true, strict: false });
const compiled = new WeakMap<object, ValidateFunction | undefined>();

function validatorFor(schema: object): ValidateFunction | undefined {
  if (!compiled.has(schema)) {
    let validate: ValidateFunction | undefined;
    try {
      validate = ajv.compile(schema);
    } catch {
      // A schema ajv cannot read checks nothing, as a Package without one.
      validate = undefined;
    }
    compiled.set(schema, validate);
  }
  return compiled.get(schema);
}

/** ytt's names for value types. */
function yttTypeOf(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') {
    return Number.isInteger(value) ? 'integer' : 'float';
  }
  if (typeof value === 'object') return 'map';
  return typeof value;
}

const YTT_TYPE_OF_SCHEMA_TYPE: Record<string, string> = {
  integer: 'integer',
  number: 'float',
  string: 'string',
  boolean: 'boolean',
  object: 'map',
  array: 'array',
  null: 'null',
};

function yttTypeOfSchemaType(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  return types.map(t => YTT_TYPE_OF_SCHEMA_TYPE[String(t)] ?? t).join(' or ');
}

function instanceSegments(instancePath: string): string[] {
  return instancePath
    .split('/')
    .slice(1)
    .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Offset of the map item (or array item) at `segments`, or of the closest ancestor found. */
function offsetOf(document: Document, segments: string[]): number {
  let node: unknown = document.contents;
  let offset = (node as { range?: number[] } | null)?.range?.[0] ?? 0;
  for (const segment of segments) {
    if (isMap(node)) {
      const pair = node.items.find(
        item =>
          String(isScalar(item.key) ? item.key.value : item.key) === segment,
      );
      if (!pair) return offset;
      offset = (pair.key as { range?: number[] } | null)?.range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      offset = (item as { range?: number[] } | null)?.range?.[0] ?? offset;
      node = item;
    } else {
      return offset;
    }
  }
  return offset;
}

function valueAt(value: unknown, segments: string[]): unknown {
  return segments.reduce<unknown>(
    (current, segment) =>
      typeof current === 'object' && current !== null
        ? (current as Record<string, unknown>)[segment]
        : undefined,
    value,
  );
}

/** The definition a keyword belongs to: `#/properties/replicas/type` → `#/properties/replicas`. */
function definitionPointer(error: ErrorObject): string {
  return error.schemaPath.slice(0, error.schemaPath.lastIndexOf('/'));
}

function toFailure(
  error: ErrorObject,
  context: {
    file: DataValuesFile;
    document: Document;
    lineCounter: LineCounter;
    value: unknown;
    schema: object;
    lines: Map<string, number>;
  },
): DataValueFailure {
  const { file, document, lineCounter, value, schema, lines } = context;
  const definition = definitionPointer(error);
  const definitionLine = lines.get(definition) ?? 2;
  let segments = instanceSegments(error.instancePath);
  const base = { fileName: file.name, hints: [] as string[] };
  let failure: Omit<DataValueFailure, 'line' | 'source'>;
  if (error.keyword === 'additionalProperties') {
    const key = String(error.params.additionalProperty);
    segments = [...segments, key];
    const definedAt = schemaAt(schema, definition) as
      | { properties?: Record<string, unknown> }
      | undefined;
    const allowed = Object.keys(definedAt?.properties ?? {}).sort();
    let expected: string;
    if (allowed.length === 1) {
      expected = `a map item with the key named "${allowed[0]}"`;
    } else if (allowed.length > 1 && allowed.length <= 9) {
      expected = `one of { ${allowed.join(', ')} }`;
    } else {
      expected = 'a key declared in map';
    }
    const similar = nearestKey(key, allowed);
    failure = {
      ...base,
      description: 'Given data value is not declared in schema',
      found: key,
      expected: `${expected} (from schema.yaml:${definitionLine})`,
      hints: similar ? [`did you mean "${similar}"?`] : [],
    };
  } else if (error.keyword === 'type') {
    failure = {
      ...base,
      found: yttTypeOf(valueAt(value, segments)),
      expected: `${yttTypeOfSchemaType(
        error.params.type,
      )} (by schema.yaml:${definitionLine})`,
      hints: ['is the default value set using @schema/default?'],
    };
  } else {
    failure = {
      ...base,
      found: JSON.stringify(valueAt(value, segments)) ?? 'null',
      expected: `${
        error.message ?? 'a valid value'
      } (by schema.yaml:${definitionLine})`,
    };
  }
  const line = lineCounter.linePos(offsetOf(document, segments)).line;
  const source = file.content.split('\n')[line - 1] ?? '';
  return { ...failure, line, source };
}

/**
 * What ytt's schema check would report for these values files. The Package's
 * valuesSchema.openAPIv3 stands in for the bundle's ytt schema; as with ytt defaults, a
 * missing value is never an error, and each file is checked on its own as it is overlaid.
 */
export function checkDataValues(
  schema: unknown,
  files: DataValuesFile[],
): DataValuesCheck {
  if (typeof schema !== 'object' || schema === null) return { failures: [] };
  const validate = validatorFor(schema);
  const lines = schemaLines(schema);
  const failures: DataValueFailure[] = [];
  for (const file of files) {
    const lineCounter = new LineCounter();
    for (const document of parseAllDocuments(file.content, { lineCounter })) {
      if (document.errors.length > 0) {
        return {
          yamlError: `Unmarshaling YAML data values file '${file.name}': ${document.errors[0].message}`,
        };
      }
      const value = document.toJS();
      if (value === null || value === undefined || !validate) continue;
      if (validate(value)) continue;
      const context = { file, document, lineCounter, value, schema, lines };
      // ytt reports in document order; ajv in keyword order.
      const documentFailures = (validate.errors ?? [])
        .filter(error => error.keyword !== 'required')
        .map(error => toFailure(error, context))
        .sort((a, b) => a.line - b.line);
      failures.push(...documentFailures);
    }
  }
  return { failures };
}
