import { JsonObject, isJsonObject } from './resources';

export type LabelOperator =
  | 'exists'
  | 'doesNotExist'
  | 'equals'
  | 'notEquals'
  | 'in'
  | 'notIn'
  | 'greaterThan'
  | 'lessThan';

export interface LabelRequirement {
  key: string;
  operator: LabelOperator;
  values: string[];
}

export interface FieldRequirement {
  field: string;
  operator: 'equals' | 'notEquals';
  value: string;
}

export class SelectorParseError extends Error {}

const TOKEN = /\s*(!=|==|=|!|\(|\)|,|>|<|[A-Za-z0-9_.\-/]+)/y;

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) {
      break;
    }
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (!match) {
      throw new SelectorParseError(
        `unable to parse requirement: unexpected character at position ${start} in "${text}"`,
      );
    }
    tokens.push(match[1]);
  }
  return tokens;
}

const OPERATOR_TOKENS = new Set([
  '!=',
  '==',
  '=',
  '!',
  '(',
  ')',
  ',',
  '>',
  '<',
]);

function isIdentifier(token: string | undefined): token is string {
  return token !== undefined && !OPERATOR_TOKENS.has(token);
}

/** Parses the Kubernetes label selector syntax (`a=b,c!=d,e in (f,g),!h,i`). */
export function parseLabelSelector(
  text: string | undefined,
): LabelRequirement[] {
  const tokens = tokenize(text ?? '');
  const requirements: LabelRequirement[] = [];
  let position = 0;
  const next = () => tokens[position++];
  const fail = (expected: string): never => {
    throw new SelectorParseError(
      `unable to parse requirement: found '${
        tokens[position - 1] ?? 'end of string'
      }', expected: ${expected}`,
    );
  };
  const readValue = () => {
    const token = tokens[position];
    if (isIdentifier(token)) {
      position++;
      return token;
    }
    return '';
  };

  while (position < tokens.length) {
    let token = next();
    if (token === '!') {
      token = next();
      if (!isIdentifier(token)) fail('identifier');
      requirements.push({ key: token, operator: 'doesNotExist', values: [] });
    } else {
      if (!isIdentifier(token)) fail('identifier');
      const key = token;
      const operator = tokens[position];
      if (operator === undefined || operator === ',') {
        requirements.push({ key, operator: 'exists', values: [] });
      } else if (operator === '=' || operator === '==' || operator === '!=') {
        position++;
        requirements.push({
          key,
          operator: operator === '!=' ? 'notEquals' : 'equals',
          values: [readValue()],
        });
      } else if (operator === '>' || operator === '<') {
        position++;
        const value = readValue();
        if (!/^-?\d+$/.test(value)) fail('integer');
        requirements.push({
          key,
          operator: operator === '>' ? 'greaterThan' : 'lessThan',
          values: [value],
        });
      } else if (operator === 'in' || operator === 'notin') {
        position++;
        if (next() !== '(') fail("'('");
        const values: string[] = [];
        for (;;) {
          values.push(readValue());
          const separator = next();
          if (separator === ')') break;
          if (separator !== ',') fail("',' or ')'");
        }
        requirements.push({
          key,
          operator: operator === 'in' ? 'in' : 'notIn',
          values,
        });
      } else {
        position++;
        fail("'=', '!=', 'in', 'notin' or ','");
      }
    }
    if (position < tokens.length && next() !== ',') fail("','");
  }
  return requirements;
}

export function matchesLabels(
  requirements: LabelRequirement[],
  labels: Record<string, unknown> | undefined,
): boolean {
  return requirements.every(({ key, operator, values }) => {
    const present = labels !== undefined && Object.hasOwn(labels, key);
    const value = present ? String(labels[key]) : undefined;
    switch (operator) {
      case 'exists':
        return present;
      case 'doesNotExist':
        return !present;
      case 'equals':
      case 'in':
        return value !== undefined && values.includes(value);
      case 'notEquals':
      case 'notIn':
        return value === undefined || !values.includes(value);
      case 'greaterThan':
        return value !== undefined && Number(value) > Number(values[0]);
      case 'lessThan':
        return value !== undefined && Number(value) < Number(values[0]);
      default:
        return false;
    }
  });
}

function splitUnescaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\\' && i + 1 < text.length) {
      current += char + text[++i];
    } else if (char === separator) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

function unescapeFieldValue(value: string): string {
  return value.replace(/\\(.)/g, '$1');
}

/**
 * Parses `metadata.name=x,spec.refName!=y`; rejects fields the resource does not index,
 * with the API server's wording.
 */
export function parseFieldSelector(
  text: string | undefined,
  supportedFields: string[],
): FieldRequirement[] {
  if (!text) {
    return [];
  }
  return splitUnescaped(text, ',')
    .filter(part => part.trim() !== '')
    .map(part => {
      const match = /^\s*([^=!\s]+)\s*(==|=|!=)(.*)$/.exec(part);
      if (!match) {
        throw new SelectorParseError(
          `invalid selector: '${text}'; can't understand '${part}'`,
        );
      }
      const [, field, operator, rawValue] = match;
      if (!supportedFields.includes(field)) {
        throw new SelectorParseError(`field label not supported: ${field}`);
      }
      return {
        field,
        operator: operator === '!=' ? 'notEquals' : 'equals',
        value: unescapeFieldValue(rawValue.trim()),
      };
    });
}

/** Reads a dotted field path the way field selectors see it: missing values are the empty string. */
export function fieldValue(object: JsonObject, field: string): string {
  let current: unknown = object;
  for (const segment of field.split('.')) {
    if (!isJsonObject(current)) {
      return '';
    }
    current = current[segment];
  }
  return typeof current === 'string' ||
    typeof current === 'number' ||
    typeof current === 'boolean'
    ? String(current)
    : '';
}

export function matchesFields(
  requirements: FieldRequirement[],
  object: JsonObject,
): boolean {
  return requirements.every(({ field, operator, value }) =>
    operator === 'equals'
      ? fieldValue(object, field) === value
      : fieldValue(object, field) !== value,
  );
}

export type ObjectFilter = (object: JsonObject) => boolean;

export function labelsOf(
  object: JsonObject,
): Record<string, unknown> | undefined {
  const metadata = object.metadata;
  return isJsonObject(metadata) && isJsonObject(metadata.labels)
    ? metadata.labels
    : undefined;
}

export function compileObjectFilter(
  labelRequirements: LabelRequirement[],
  fieldRequirements: FieldRequirement[],
): ObjectFilter | undefined {
  if (labelRequirements.length === 0 && fieldRequirements.length === 0) {
    return undefined;
  }
  return object =>
    matchesLabels(labelRequirements, labelsOf(object)) &&
    matchesFields(fieldRequirements, object);
}
