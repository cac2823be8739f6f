import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

const ajv = new Ajv({ allErrors: true, strict: false, useDefaults: false });
addFormats(ajv);

const compiled = new WeakMap<object, ValidateFunction | string>();

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
 */
export function validateValues(schema: unknown, values: unknown): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  let validate = compiled.get(schema);
  if (!validate) {
    try {
      validate = ajv.compile(schema as object);
    } catch (error) {
      validate = `the package's values schema cannot be used: ${
        (error as Error).message
      }`;
    }
    compiled.set(schema, validate);
  }
  if (typeof validate === 'string') return [validate];
  if (validate(values)) return [];
  return (validate.errors ?? []).map(describeError);
}
