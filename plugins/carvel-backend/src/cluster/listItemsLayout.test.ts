import { listItemsLayout } from './listItemsLayout';

const layoutOf = (text: string) => listItemsLayout(Buffer.from(text));
const itemTexts = (text: string) =>
  layoutOf(text)?.items.map(([start, end, depth]) => [
    Buffer.from(text).toString('utf8', start, end),
    depth,
  ]);

describe('listItemsLayout', () => {
  it('finds each item of the top-level items array and how deep it nests, whatever its strings hold', () => {
    const text =
      '{"kind":"AppList","metadata":{"continue":"t"},"items":[ {"a":"}]\\"[{"} ,\n{"b":{"c":[1]}},{}],"x":"é"}';
    expect(itemTexts(text)).toEqual([
      ['{"a":"}]\\"[{"}', 1],
      ['{"b":{"c":[1]}}', 3],
      ['{}', 1],
    ]);
    const layout = layoutOf(text)!;
    const envelope =
      text.slice(0, layout.arrayStart + 1) + text.slice(layout.arrayEnd - 1);
    expect(JSON.parse(envelope)).toEqual({
      kind: 'AppList',
      metadata: { continue: 't' },
      items: [],
      x: 'é',
    });
  });

  it('finds no items in an empty list and ignores a nested items key', () => {
    expect(itemTexts('{"metadata":{"items":[{}]},"items":[]}')).toEqual([]);
  });

  it.each([
    ['primitives among the items', '{"items":[{},"x"]}'],
    ['a number item', '{"items":[1]}'],
    ['two items arrays', '{"items":[{}],"items":[{}]}'],
    ['no items array', '{"metadata":{}}'],
    ['a missing comma', '{"items":[{} {}]}'],
    ['a trailing comma', '{"items":[{},]}'],
    ['a truncated body', '{"items":[{"a":"b'],
    ['unbalanced brackets', '{"items":[{}]}]}'],
  ])('leaves a body with %s to a whole parse', (_, text) => {
    expect(layoutOf(text)).toBeUndefined();
  });
});
