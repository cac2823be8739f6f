import Ajv, {
  type CodeOptions,
  type ErrorObject,
  type ValidateFunction,
} from 'ajv';
import addFormats from 'ajv-formats';
import { createHash } from 'node:crypto';
import { LinearPattern, PatternBudgetExceededError } from './linearPattern';

const MAX_CACHED_SCHEMAS = 32;
const MAX_REPORTED_PROBLEMS = 20;

const linearRegExp: NonNullable<CodeOptions['regExp']> = Object.assign(
  (pattern: string) => new LinearPattern(pattern),
  { code: 'LinearPattern' },
);

type CompiledSchema = { validate: ValidateFunction } | { unusable: string };

/** Compiled schemas by content hash, least recently used first. */
const compiledByHash = new Map<string, CompiledSchema>();

function compile(schema: object): CompiledSchema {
  try {
    // One Ajv per schema: Packages reuse an `$id` across versions, and one Ajv refuses a second schema with the same `$id`.
    const ajv = new Ajv({
      allErrors: true,
      strict: false,
      useDefaults: false,
      ownProperties: true,
      unicodeRegExp: true,
      code: { regExp: linearRegExp },
    });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    if ((validate as { $async?: boolean }).$async) {
      return { unusable: 'asynchronous schemas ($async) are not supported' };
    }
    return { validate };
  } catch (error) {
    return { unusable: (error as Error).message };
  }
}

function compiledSchemaFor(schema: object): CompiledSchema {
  let hash: string;
  try {
    hash = createHash('sha256').update(JSON.stringify(schema)).digest('hex');
  } catch (error) {
    return { unusable: (error as Error).message };
  }
  let compiled = compiledByHash.get(hash);
  if (compiled) {
    compiledByHash.delete(hash);
  } else {
    compiled = compile(schema);
    if (compiledByHash.size >= MAX_CACHED_SCHEMAS) {
      compiledByHash.delete(compiledByHash.keys().next().value!);
    }
  }
  compiledByHash.set(hash, compiled);
  return compiled;
}

function jsonPath(instancePath: string): string {
  if (instancePath === '') return '$';
  return `$${instancePath
    .split('/')
    .slice(1)
    .map(segment => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map(jsonPathSegment)
    .join('')}`;
}

function jsonPathSegment(segment: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(segment)) return `.${segment}`;
  if (/^\d+$/.test(segment)) return `[${segment}]`;
  return `[${JSON.stringify(segment)}]`;
}

function describeError(error: ErrorObject): string {
  const path = jsonPath(error.instancePath);
  switch (error.keyword) {
    case 'additionalProperties':
      return `${jsonPath(
        `${error.instancePath}/${String(error.params.additionalProperty)
          .replace(/~/g, '~0')
          .replace(/\//g, '~1')}`,
      )} is not allowed by the package's values schema`;
    case 'required':
      return `${path}: required property '${error.params.missingProperty}' is missing`;
    case 'enum':
      return `${path} must be one of ${JSON.stringify(
        error.params.allowedValues,
      )}`;
    default:
      return `${path} ${error.message ?? 'is invalid'}`;
  }
}

/**
 * Validates a values document against a Package's `valuesSchema.openAPIv3`.
 * Returns one sentence per problem, each with the JSON path of the value.
 * The schema's `pattern`s run on a linear-time engine: one that needs backtracking is refused.
 */
export function validateValues(schema: unknown, values: unknown): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const compiled = compiledSchemaFor(schema);
  if ('unusable' in compiled) {
    return [`the package's values schema cannot be used: ${compiled.unusable}`];
  }
  try {
    if (compiled.validate(values)) return [];
  } catch (error) {
    if (error instanceof PatternBudgetExceededError) {
      return [`values cannot be checked: ${error.message}`];
    }
    throw error;
  }
  const errors = compiled.validate.errors ?? [];
  const problems = errors.slice(0, MAX_REPORTED_PROBLEMS).map(describeError);
  if (errors.length > MAX_REPORTED_PROBLEMS) {
    problems.push(`and ${errors.length - MAX_REPORTED_PROBLEMS} more problems`);
  }
  return problems;
}
