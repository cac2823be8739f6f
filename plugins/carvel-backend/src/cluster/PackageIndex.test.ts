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
