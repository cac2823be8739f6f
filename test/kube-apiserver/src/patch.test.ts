import { PatchError, applyJsonPatch, applyMergePatch } from './patch';

describe('applyMergePatch', () => {
  it('merges objects recursively, deletes with null and replaces arrays', () => {
    const target = {
      metadata: { labels: { a: '1', b: '2' }, finalizers: ['x', 'y'] },
      spec: { paused: false },
    };
    expect(
      applyMergePatch(target, {
        metadata: { labels: { b: null, c: '3' }, finalizers: ['y'] },
        spec: { paused: true },
        status: { version: '1.0.0' },
      }),
    ).toEqual({
      metadata: { labels: { a: '1', c: '3' }, finalizers: ['y'] },
      spec: { paused: true },
      status: { version: '1.0.0' },
    });
  });

  it('does not modify its inputs', () => {
    const target = { spec: { a: 1 } };
    applyMergePatch(target, { spec: { a: 2 } });
    expect(target).toEqual({ spec: { a: 1 } });
  });

  it('replaces the whole document with a non-object patch', () => {
    expect(applyMergePatch({ a: 1 }, 'text')).toBe('text');
  });
});

describe('applyJsonPatch', () => {
  const document = () => ({
    metadata: { name: 'x', finalizers: ['a', 'b'], labels: { 'a/b': '1' } },
    spec: { values: [] as unknown[] },
  });

  it('applies add, remove, replace, move, copy and test', () => {
    const result = applyJsonPatch(document(), [
      { op: 'test', path: '/metadata/name', value: 'x' },
      { op: 'remove', path: '/metadata/finalizers/0' },
      { op: 'add', path: '/metadata/finalizers/-', value: 'c' },
      { op: 'replace', path: '/metadata/labels/a~1b', value: '2' },
      {
        op: 'add',
        path: '/spec/values/0',
        value: { secretRef: { name: 's' } },
      },
      { op: 'copy', from: '/metadata/name', path: '/spec/name' },
      { op: 'move', from: '/spec/name', path: '/spec/renamed' },
    ]);
    expect(result).toEqual({
      metadata: { name: 'x', finalizers: ['b', 'c'], labels: { 'a/b': '2' } },
      spec: { values: [{ secretRef: { name: 's' } }], renamed: 'x' },
    });
  });

  it('replaces the root', () => {
    expect(
      applyJsonPatch({ a: 1 }, [{ op: 'replace', path: '', value: { b: 2 } }]),
    ).toEqual({ b: 2 });
  });

  it('leaves the target untouched', () => {
    const target = document();
    applyJsonPatch(target, [{ op: 'remove', path: '/metadata/finalizers' }]);
    expect(target.metadata.finalizers).toEqual(['a', 'b']);
  });

  it.each([
    [[{ op: 'test', path: '/metadata/name', value: 'y' }], 'testing value'],
    [[{ op: 'remove', path: '/spec/missing' }], 'missing path'],
    [[{ op: 'replace', path: '/nope/deeper', value: 1 }], 'missing path'],
    [
      [{ op: 'add', path: '/metadata/finalizers/9', value: 'z' }],
      'out of bounds',
    ],
    [[{ op: 'frobnicate', path: '/a' }], 'Unexpected kind'],
    [{ op: 'add' }, 'array'],
  ])('rejects %j', (operations, message) => {
    expect(() => applyJsonPatch(document(), operations)).toThrow(PatchError);
    expect(() => applyJsonPatch(document(), operations)).toThrow(
      new RegExp(message),
    );
  });
});
