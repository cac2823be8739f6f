import { findValuesProblems, validateValues } from './valuesSchema';

const workload = {
  type: 'object',
  additionalProperties: false,
  properties: {
    workload_name: { type: 'string', pattern: '^[a-z]([-a-z0-9]*[a-z0-9])?$' },
    replicas: { type: 'integer' },
  },
};

describe('validateValues', () => {
  it('accepts values that fit and names the path of each problem', () => {
    expect(
      validateValues(workload, { workload_name: 'web', replicas: 2 }),
    ).toEqual([]);
    expect(
      validateValues(workload, { workload_name: 'Web!', replicas: 'two' }),
    ).toEqual([
      '$.workload_name must match pattern "^[a-z]([-a-z0-9]*[a-z0-9])?$"',
      '$.replicas must be integer',
    ]);
  });

  it('validates with a schema that has an $id on every run, also when versions share the $id', () => {
    const schema = () => ({ $id: 'https://example.com/values', ...workload });
    for (let run = 0; run < 3; run++) {
      expect(validateValues(schema(), { replicas: 'x' })).toEqual([
        '$.replicas must be integer',
      ]);
    }
    const changed = { ...schema(), required: ['workload_name'] };
    expect(validateValues(changed, {})).toEqual([
      "$: required property 'workload_name' is missing",
    ]);
  });

  it('looks only at own properties: inherited names are neither present nor missing', () => {
    const schema = {
      type: 'object',
      required: ['constructor'],
      properties: { toString: { type: 'string' } },
    };
    expect(validateValues(schema, {})).toEqual([
      "$: required property 'constructor' is missing",
    ]);
    expect(validateValues(schema, JSON.parse('{"constructor": 1}'))).toEqual(
      [],
    );
    const withProto = JSON.parse('{"__proto__": {"replicas": "x"}}');
    expect(validateValues(workload, withProto)).toEqual([
      "$.__proto__ is not allowed by the package's values schema",
    ]);
  });

  it('answers promptly for a catastrophic pattern such as ^(a+)+$', () => {
    // With a backtracking engine this input takes about 2^40 steps: the test would never finish.
    const schema = {
      type: 'object',
      properties: { name: { type: 'string', pattern: '^(a+)+$' } },
    };
    expect(validateValues(schema, { name: `${'a'.repeat(40)}!` })).toEqual([
      '$.name must match pattern "^(a+)+$"',
    ]);
    expect(validateValues(schema, { name: 'a'.repeat(100_000) })).toEqual([]);
  });

  it('checks patternProperties keys with the same engine', () => {
    const schema = {
      type: 'object',
      patternProperties: { '^(x+x+)+y$': { type: 'integer' } },
    };
    expect(validateValues(schema, { [`${'x'.repeat(40)}y`]: 'no' })).toEqual([
      `$.${'x'.repeat(40)}y must be integer`,
    ]);
    expect(validateValues(schema, { [`${'x'.repeat(40)}`]: 'no' })).toEqual([]);
  });

  it.each([
    ['a backreference', '^(a)\\1$', /backreferences/],
    ['a lookahead', '^(?!-)[a-z]+$', /lookaround/],
    ['an invalid pattern', '^(a$', /Invalid regular expression/],
  ])('reports a schema with %s as unusable', (_case, pattern, reason) => {
    const [problem, ...rest] = validateValues({ type: 'string', pattern }, 'a');
    expect(rest).toEqual([]);
    expect(problem).toMatch(/^the package's values schema cannot be used: /);
    expect(problem).toMatch(reason);
  });

  it('reports a string too long to check against a pattern instead of working without bound', () => {
    const schema = { type: 'string', pattern: '^(a|b|c|d|e|f|g|h)*$' };
    expect(validateValues(schema, 'a'.repeat(5_000_000))).toEqual([
      expect.stringMatching(
        /^values cannot be checked: a string is too long to be checked against the pattern/,
      ),
    ]);
  });

  it('refuses asynchronous schemas, whose answer would be a promise', () => {
    expect(validateValues({ $async: true, type: 'string' }, 1)).toEqual([
      "the package's values schema cannot be used: asynchronous schemas ($async) are not supported",
    ]);
  });

  it('lists at most 20 problems', () => {
    const values = Object.fromEntries(
      Array.from({ length: 100 }, (_, i) => [`key${i}`, i]),
    );
    const problems = validateValues(workload, values);
    expect(problems).toHaveLength(21);
    expect(problems[20]).toBe('and 80 more problems');
  });

  it('ignores a schema that is not an object', () => {
    expect(validateValues(undefined, { a: 1 })).toEqual([]);
  });

  it('says which value each problem is about: a missing or unknown property is its own path', () => {
    const schema = {
      type: 'object',
      required: ['workload_name'],
      additionalProperties: false,
      properties: {
        workload_name: { type: 'string' },
        ports: { type: 'array', items: { type: 'integer' } },
        'odd/name': { type: 'string' },
      },
    };
    expect(
      findValuesProblems(schema, { ports: [80, 'x'], 'odd/name': 1, extra: 2 }),
    ).toEqual([
      {
        path: ['workload_name'],
        message: "$: required property 'workload_name' is missing",
      },
      {
        path: ['extra'],
        message: "$.extra is not allowed by the package's values schema",
      },
      { path: ['ports', '1'], message: '$.ports[1] must be integer' },
      { path: ['odd/name'], message: '$["odd/name"] must be string' },
    ]);
  });
});
