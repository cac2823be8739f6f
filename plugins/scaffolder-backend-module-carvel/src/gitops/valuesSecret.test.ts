import {
  checkSecretSize,
  checkValuesDepth,
  MAX_SECRET_DATA_BYTES,
} from './valuesSecret';

function nested(levels: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < levels; i++) value = [value];
  return value;
}

describe('checkValuesDepth', () => {
  it('allows 64 levels and refuses 65, without recursing', () => {
    expect(checkValuesDepth(nested(64), 'values')).toBeUndefined();
    expect(checkValuesDepth(nested(65), 'values')).toBe(
      'values nest deeper than 64 levels',
    );
    expect(checkValuesDepth(nested(100_000), 'values')).toBe(
      'values nest deeper than 64 levels',
    );
  });
});

describe('checkSecretSize', () => {
  it('counts UTF-8 bytes of all entries against 1 MiB', () => {
    const half = 'x'.repeat(MAX_SECRET_DATA_BYTES / 2);
    expect(checkSecretSize({ a: half, b: half }, 'values')).toBeUndefined();
    expect(checkSecretSize({ a: half, b: `${half}x` }, 'values')).toBe(
      'values take 1048577 bytes; a Secret holds at most 1048576 bytes (1 MiB)',
    );
    expect(checkSecretSize({ a: 'é'.repeat(524_289) }, 'values')).toMatch(
      /take 1048578 bytes/,
    );
  });
});
