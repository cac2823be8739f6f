import { boundValuesSchema } from './boundedValuesSchema';

const limits = { maxBytes: 200, maxDepth: 4 };

describe('boundValuesSchema', () => {
  it('keeps a schema within the limits as a copy', () => {
    const openAPIv3 = {
      type: 'object',
      properties: { replicas: { type: 'integer', default: 1 } },
    };
    const bounded = boundValuesSchema({ valuesSchema: { openAPIv3 } }, limits);
    expect(bounded).toEqual({ schema: openAPIv3 });
    expect((bounded as { schema: object }).schema).not.toBe(openAPIv3);
  });

  it('is undefined for a Package without a values schema', () => {
    expect(boundValuesSchema({}, limits)).toBeUndefined();
    expect(boundValuesSchema({ valuesSchema: {} }, limits)).toBeUndefined();
    expect(boundValuesSchema(undefined, limits)).toBeUndefined();
  });

  it('drops a schema that is not an object', () => {
    expect(
      boundValuesSchema({ valuesSchema: { openAPIv3: ['x'] } }, limits),
    ).toEqual({ problem: 'valuesSchema.openAPIv3 is not an object' });
  });

  it('drops a schema bigger than the limit, saying so', () => {
    const openAPIv3 = { description: 'x'.repeat(500) };
    expect(boundValuesSchema({ valuesSchema: { openAPIv3 } }, limits)).toEqual({
      problem: 'valuesSchema is more than 200 bytes as JSON and was left out',
    });
  });

  it('drops a schema with many small keys before walking all of them', () => {
    const openAPIv3 = Object.fromEntries(
      Array.from({ length: 100_000 }, (_, i) => [`k${i}`, 1]),
    );
    expect(boundValuesSchema({ valuesSchema: { openAPIv3 } }, limits)).toEqual({
      problem: expect.stringContaining('more than 200 bytes'),
    });
  });

  it('drops a schema whose escaped JSON is over the limit', () => {
    const openAPIv3 = { description: '\u0001'.repeat(60) };
    expect(boundValuesSchema({ valuesSchema: { openAPIv3 } }, limits)).toEqual({
      problem: expect.stringContaining('more than 200 bytes'),
    });
  });

  it('drops a schema nested deeper than the limit', () => {
    const openAPIv3 = { properties: { a: { properties: { b: {} } } } };
    expect(boundValuesSchema({ valuesSchema: { openAPIv3 } }, limits)).toEqual({
      problem: 'valuesSchema nests deeper than 4 levels and was left out',
    });
  });
});
