import { jsonParts } from './jsonText';

/** The joined pieces, checked against JSON.stringify: undefined where it writes nothing. */
function jsonText(value: unknown): string | undefined {
  const parts = jsonParts(value);
  return parts.length === 0 ? undefined : parts.join('');
}

describe('jsonParts', () => {
  it.each([
    ['a primitive', 'text "quoted" \u2028'],
    ['null', null],
    ['a number that JSON cannot say', NaN],
    ['nested objects and arrays', { a: [1, 'b', { c: null }], d: { e: true } }],
    [
      'undefined fields and array items',
      { a: undefined, b: [undefined, () => 1], c: 1 },
    ],
    ['a sparse array', [1, , 3]], // eslint-disable-line no-sparse-arrays
    ['a date', { at: new Date(0) }],
    [
      'a field whose toJSON writes nothing',
      { a: { toJSON: () => undefined }, b: 1 },
    ],
    [
      'only fields JSON leaves out',
      { a: undefined, b: () => 1, c: Symbol('c') },
    ],
    ['empty objects and arrays', { a: {}, b: [], c: Object.freeze({}) }],
    ['keys that need escaping', { 'a"b': 1, '\n': 2 }],
    [
      'frozen rows among fresh ones',
      Object.freeze({ rows: [Object.freeze({ a: 1 }), { b: 2 }] }),
    ],
    ['very deep values', JSON.parse(`${'['.repeat(40)}1${']'.repeat(40)}`)],
  ])('writes %s exactly as JSON.stringify does', (_, value) => {
    expect(jsonText(value)).toBe(JSON.stringify(value));
  });

  it('writes nothing for what JSON.stringify writes nothing for', () => {
    expect(jsonText(undefined)).toBeUndefined();
  });

  it('refuses a cycle as JSON.stringify does', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => jsonText({ wrapped: cycle })).toThrow(TypeError);
  });

  it('writes a deeply frozen object once and reuses its text', () => {
    let reads = 0;
    const row = Object.freeze(
      Object.defineProperty({ name: 'app' }, 'status', {
        enumerable: true,
        get: () => {
          reads++;
          return 'succeeded';
        },
      }),
    );
    const first = jsonText({ rows: [row] });
    const second = jsonText({ rows: [row], more: true });
    expect(first).toBe('{"rows":[{"name":"app","status":"succeeded"}]}');
    expect(second).toBe(
      '{"rows":[{"name":"app","status":"succeeded"}],"more":true}',
    );
    expect(reads).toBe(1);
  });

  it('answers pieces that hold the text of each frozen object once written', () => {
    const rows = Array.from({ length: 3 }, (_, i) =>
      Object.freeze({ name: `install-${i}` }),
    );
    const cluster = Object.freeze({
      name: 'staging',
      rows: Object.freeze(rows),
    });
    const first = jsonParts({ clusters: [cluster] });
    const second = jsonParts({ clusters: [cluster] });
    const clusterText = JSON.stringify(cluster);
    expect(first).toContain(clusterText);
    expect(second.find(p => p === clusterText)).toBe(
      first.find(p => p === clusterText),
    );
    expect(second.join('')).toBe(JSON.stringify({ clusters: [cluster] }));
  });

  it('writes again a frozen object holding something that may change', () => {
    const inner = { version: '1.0.0' };
    const row = Object.freeze({ inner });
    expect(jsonText(row)).toBe('{"inner":{"version":"1.0.0"}}');
    inner.version = '2.0.0';
    expect(jsonText(row)).toBe('{"inner":{"version":"2.0.0"}}');
  });
});
