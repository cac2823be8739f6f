import { dropDeepListItems, jsonDepth } from './jsonDepth';

const nested = (levels: number) =>
  `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

describe('jsonDepth', () => {
  it('counts objects and arrays, not brackets inside strings', () => {
    expect(jsonDepth('1')).toBe(0);
    expect(jsonDepth('{}')).toBe(1);
    expect(jsonDepth('{"a":[1,{"b":2}]}')).toBe(3);
    expect(jsonDepth('{"a":"[[[{{{\\"[["}')).toBe(1);
    expect(jsonDepth(nested(5000))).toBe(5000);
  });
});

describe('dropDeepListItems', () => {
  it('leaves a list of ordinary objects untouched', () => {
    const text = JSON.stringify({
      metadata: { resourceVersion: '1' },
      items: [{ metadata: { name: 'a' } }, { metadata: { name: 'b' } }],
    });
    expect(dropDeepListItems(text, 10)).toEqual({ text, dropped: 0 });
  });

  it('replaces only the items nested too deep', () => {
    const text = `{"metadata":{},"items":[{"metadata":{"name":"a"}},${nested(
      10_000,
    )},{"metadata":{"name":"b"}}]}`;
    const result = dropDeepListItems(text, 64);
    expect(result.dropped).toBe(1);
    expect(JSON.parse(result.text).items).toEqual([
      { metadata: { name: 'a' } },
      null,
      { metadata: { name: 'b' } },
    ]);
  });

  it('judges an item by its own depth', () => {
    const text = `{"items":[${nested(3)},${nested(4)}]}`;
    expect(JSON.parse(dropDeepListItems(text, 3).text).items).toEqual([
      JSON.parse(nested(3)),
      null,
    ]);
  });
});
