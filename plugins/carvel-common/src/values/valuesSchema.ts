import Ajv, {
  type CodeOptions,
  type ErrorObject,
  type ValidateFunction,
} from 'ajv';
import addFormats from 'ajv-formats';
import { LinearPattern, PatternBudgetExceededError } from './linearPattern';

const MAX_CACHED_SCHEMAS = 32;
const MAX_REPORTED_PROBLEMS = 20;

const linearRegExp: NonNullable<CodeOptions['regExp']> = Object.assign(
  (pattern: string) => new LinearPattern(pattern),
  { code: 'LinearPattern' },
);

type CompiledSchema = { validate: ValidateFunction } | { unusable: string };

/** Compiled schemas by their JSON text, least recently used first. */
const compiledByText = new Map<string, CompiledSchema>();

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
  // The text itself is the key (no hash in browsers without async crypto): Ajv keeps each schema anyway.
  let text: string;
  try {
    text = JSON.stringify(schema);
  } catch (error) {
    return { unusable: (error as Error).message };
  }
  let compiled = compiledByText.get(text);
  if (compiled) {
    compiledByText.delete(text);
  } else {
    compiled = compile(schema);
    if (compiledByText.size >= MAX_CACHED_SCHEMAS) {
      compiledByText.delete(compiledByText.keys().next().value!);
    }
  }
  compiledByText.set(text, compiled);
  return compiled;
}

/** One problem of a values document: the sentence the action reports, and the value it is about. */
export interface ValuesProblem {
  /** Property names and array indexes from the document's root to the value; `[]` for the whole document. */
  path: string[];
  message: string;
}

function pointerSegments(instancePath: string): string[] {
  if (instancePath === '') return [];
  return instancePath
    .split('/')
    .slice(1)
    .map(segment => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function jsonPath(segments: string[]): string {
  return `$${segments.map(jsonPathSegment).join('')}`;
}

function jsonPathSegment(segment: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(segment)) return `.${segment}`;
  if (/^\d+$/.test(segment)) return `[${segment}]`;
  return `[${JSON.stringify(segment)}]`;
}

function describeError(error: ErrorObject): ValuesProblem {
  const segments = pointerSegments(error.instancePath);
  const path = jsonPath(segments);
  switch (error.keyword) {
    case 'additionalProperties': {
      const property = [...segments, String(error.params.additionalProperty)];
      return {
        path: property,
        message: `${jsonPath(
          property,
        )} is not allowed by the package's values schema`,
      };
    }
    case 'required':
      return {
        path: [...segments, String(error.params.missingProperty)],
        message: `${path}: required property '${error.params.missingProperty}' is missing`,
      };
    case 'enum':
      return {
        path: segments,
        message: `${path} must be one of ${JSON.stringify(
          error.params.allowedValues,
        )}`,
      };
    default:
      return {
        path: segments,
        message: `${path} ${error.message ?? 'is invalid'}`,
      };
  }
}

/**
 * Validates a values document against a Package's `valuesSchema.openAPIv3`: one problem per
 * mistake, with the path of the value. The schema's `pattern`s run on a linear-time engine: one
 * that needs backtracking is refused.
 */
export function findValuesProblems(
  schema: unknown,
  values: unknown,
): ValuesProblem[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const compiled = compiledSchemaFor(schema);
  if ('unusable' in compiled) {
    return [
      {
        path: [],
        message: `the package's values schema cannot be used: ${compiled.unusable}`,
      },
    ];
  }
  try {
    if (compiled.validate(values)) return [];
  } catch (error) {
    if (error instanceof PatternBudgetExceededError) {
      return [
        { path: [], message: `values cannot be checked: ${error.message}` },
      ];
    }
    throw error;
  }
  const errors = compiled.validate.errors ?? [];
  const problems = errors.slice(0, MAX_REPORTED_PROBLEMS).map(describeError);
  if (errors.length > MAX_REPORTED_PROBLEMS) {
    problems.push({
      path: [],
      message: `and ${errors.length - MAX_REPORTED_PROBLEMS} more problems`,
    });
  }
  return problems;
}

/** {@link findValuesProblems} as sentences, each naming the JSON path of the value. */
export function validateValues(schema: unknown, values: unknown): string[] {
  return findValuesProblems(schema, values).map(problem => problem.message);
}
