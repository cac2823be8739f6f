import { PackageIndex } from './PackageIndex';

type Item = { metadata: { namespace?: string; name: string }; pkg?: string };
const item = (name: string, pkg?: string): Item => ({
  metadata: { namespace: 'ns', name },
  pkg,
});

describe('PackageIndex', () => {
  it('groups objects by package name and follows moves and deletes', () => {
    const index = new PackageIndex<Item>(i => i.pkg);
    const [a, b, c] = [item('a', 'p1'), item('b', 'p1'), item('c')];
    expect([
      ...index.apply([{ current: a }, { current: b }, { current: c }]),
    ]).toEqual(['p1']);
    expect(index.get('p1').map(i => i.metadata.name)).toEqual(['a', 'b']);
    const movedA = item('a', 'p2');
    expect([...index.apply([{ previous: a, current: movedA }])].sort()).toEqual(
      ['p1', 'p2'],
    );
    expect(index.get('p1').map(i => i.metadata.name)).toEqual(['b']);
    expect(index.get('p2').map(i => i.metadata.name)).toEqual(['a']);
    index.apply([{ previous: b }]);
    expect(index.get('p1')).toEqual([]);
    expect(index.packageNames()).toEqual(['p2']);
  });

  it('answers the same array for a package until a change touches it', () => {
    const index = new PackageIndex<Item>(i => i.pkg);
    const [a, b] = [item('a', 'p1'), item('b', 'p2')];
    index.apply([{ current: a }, { current: b }]);
    const p1 = index.get('p1');
    expect(index.get('p1')).toBe(p1);
    expect(Object.isFrozen(p1)).toBe(true);

    index.apply([{ previous: b, current: item('b', 'p2') }]);
    expect(index.get('p1')).toBe(p1);
    index.apply([{ current: item('c', 'p1') }]);
    expect(index.get('p1')).not.toBe(p1);
    expect(index.get('p1').map(i => i.metadata.name)).toEqual(['a', 'c']);
    expect(index.get('none')).toEqual([]);
  });
});

describe('PackageIndex with many objects in one package', () => {
  it('replaces and removes every object of a large package in one batch', () => {
    const index = new PackageIndex<Item>(i => i.pkg);
    const first = Array.from({ length: 50_000 }, (_, i) => item(`o${i}`, 'p'));
    index.apply(first.map(current => ({ current })));
    const second = first.map(o => item(o.metadata.name, 'p'));
    index.apply(first.map((previous, i) => ({ previous, current: second[i] })));
    expect(index.get('p')).toHaveLength(50_000);
    expect(index.get('p')[0]).toBe(second[0]);
    index.apply(second.map(previous => ({ previous })));
    expect(index.get('p')).toEqual([]);
    expect(index.packageNames()).toEqual([]);
  });
});
