import {
  describeValuesFields,
  isSensitiveField,
  leafFields,
} from './valuesFields';

const schema = {
  type: 'object',
  required: ['workload_name'],
  properties: {
    workload_name: {
      title: 'Workload name',
      type: 'string',
      description: 'Name of the workload',
      default: '',
    },
    replicas: { type: 'integer', default: 1 },
    ratio: { type: 'number' },
    debug: { type: 'boolean', default: false },
    tier: { type: 'string', enum: ['web', 'worker'] },
    ports: { type: 'array', items: { type: 'integer' } },
    ingress: {
      type: 'object',
      properties: { hostname: { type: 'string' }, api_key: { type: 'string' } },
    },
    sidecars: { type: 'array', items: { type: 'object' } },
    db_password: { type: 'string' },
    note: { type: 'string', 'x-sensitive': true },
    pin: { type: 'string', format: 'password' },
  },
};

describe('describeValuesFields', () => {
  it('makes one field per property with title, description, default and required', () => {
    const fields = describeValuesFields(schema);
    expect(fields.map(f => [f.path.join('.'), f.kind])).toEqual([
      ['workload_name', 'string'],
      ['replicas', 'integer'],
      ['ratio', 'number'],
      ['debug', 'boolean'],
      ['tier', 'enum'],
      ['ports', 'array'],
      ['ingress', 'object'],
      ['sidecars', 'json'],
      ['db_password', 'string'],
      ['note', 'string'],
      ['pin', 'string'],
    ]);
    expect(fields[0]).toMatchObject({
      title: 'Workload name',
      description: 'Name of the workload',
      defaultValue: '',
      required: true,
      sensitive: false,
    });
    expect(fields[1]).toMatchObject({
      title: 'replicas',
      required: false,
      defaultValue: 1,
    });
    expect(fields[4]).toMatchObject({ options: ['web', 'worker'] });
    expect(fields[5]).toMatchObject({ itemKind: 'integer' });
  });

  it('marks sensitive fields by name, x-sensitive or format: password', () => {
    const sensitive = leafFields(describeValuesFields(schema))
      .filter(f => 'sensitive' in f && f.sensitive)
      .map(f => f.path.join('.'));
    expect(sensitive).toEqual([
      'ingress.api_key',
      'db_password',
      'note',
      'pin',
    ]);
    expect(isSensitiveField('Credentials', {})).toBe(true);
    expect(isSensitiveField('hostname', {})).toBe(false);
  });

  it('bounds a hostile schema: deep objects become JSON, and at most maxFields fields', () => {
    let deep: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 50; i++)
      deep = { type: 'object', properties: { a: deep } };
    const nested = describeValuesFields(deep, { maxDepth: 3, maxFields: 200 });
    expect(leafFields(nested).map(f => [f.path.length, f.kind])).toEqual([
      [3, 'json'],
    ]);

    const wide = {
      type: 'object',
      properties: Object.fromEntries(
        Array.from({ length: 1000 }, (_, i) => [`k${i}`, { type: 'string' }]),
      ),
    };
    expect(
      describeValuesFields(wide, { maxDepth: 3, maxFields: 10 }),
    ).toHaveLength(10);
  });

  it('has no fields for a schema that is not an object', () => {
    expect(describeValuesFields(undefined)).toEqual([]);
    expect(describeValuesFields('x')).toEqual([]);
  });
});
