import { NamespacedObjects } from './NamespacedObjects';

const object = (namespace: string | undefined, name: string, tag = '') => ({
  metadata: { namespace, name },
  tag,
});

describe('NamespacedObjects', () => {
  it('finds objects by namespace and name, a missing namespace being the empty one', () => {
    const objects = new NamespacedObjects<ReturnType<typeof object>>();
    const a = object('apps', 'a');
    const b = object('other', 'a');
    const global = object(undefined, 'g');
    [a, b, global].forEach(o => objects.set(o));
    expect(objects.get('apps', 'a')).toBe(a);
    expect(objects.get('other', 'a')).toBe(b);
    expect(objects.get('', 'g')).toBe(global);
    expect(objects.get(undefined, 'g')).toBe(global);
    expect(objects.get('apps', 'g')).toBeUndefined();
    expect(objects.size).toBe(3);
    expect([...objects.values()]).toEqual([a, b, global]);
  });

  it('replaces an object of the same namespace and name, returning the one it replaced', () => {
    const objects = new NamespacedObjects<ReturnType<typeof object>>();
    const first = object('apps', 'a', 'first');
    const second = object('apps', 'a', 'second');
    expect(objects.set(first)).toBeUndefined();
    expect(objects.set(second)).toBe(first);
    expect(objects.get('apps', 'a')).toBe(second);
    expect(objects.size).toBe(1);
  });

  it('deletes, forgetting an emptied namespace, and ignores what it does not hold', () => {
    const objects = new NamespacedObjects<ReturnType<typeof object>>();
    const a = object('apps', 'a');
    objects.set(a);
    expect(objects.delete('apps', 'missing')).toBeUndefined();
    expect(objects.delete('nowhere', 'a')).toBeUndefined();
    expect(objects.delete('apps', 'a')).toBe(a);
    expect(objects.size).toBe(0);
    expect([...objects.values()]).toEqual([]);
    objects.set(object('apps', 'b'));
    expect(objects.size).toBe(1);
  });
});
