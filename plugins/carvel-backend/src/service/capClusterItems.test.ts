import type { CarvelStatus } from '@carvel-gitops/plugin-carvel-common';
import { capClusterItems } from './capClusterItems';

const item = (namespace: string, name: string, status: CarvelStatus) => ({
  namespace,
  name,
  status,
});

describe('capClusterItems', () => {
  it('keeps everything, sorted by namespace and name, when under the cap', () => {
    const items = [item('b', 'x', 'succeeded'), item('a', 'y', 'failed')];
    expect(capClusterItems(items, 2)).toEqual({
      items: [item('a', 'y', 'failed'), item('b', 'x', 'succeeded')],
      omitted: 0,
    });
  });

  it('keeps what needs attention first, then by namespace and name', () => {
    const items = [
      item('a', 'ok-1', 'succeeded'),
      item('a', 'ok-2', 'succeeded'),
      item('z', 'broken', 'failed'),
      item('m', 'stuck', 'delete-failed'),
      item('b', 'moving', 'reconciling'),
      item('a', 'odd', 'unknown'),
    ];
    const capped = capClusterItems(items, 4);
    expect(capped.omitted).toBe(2);
    expect(capped.items.map(i => `${i.namespace}/${i.name}`)).toEqual([
      'a/odd',
      'b/moving',
      'm/stuck',
      'z/broken',
    ]);
  });

  it('chooses the same items whatever order they arrive in', () => {
    const items = Array.from({ length: 300 }, (_, i) =>
      item(
        `ns-${i % 7}`,
        `install-${i}`,
        i % 11 === 0 ? 'failed' : 'succeeded',
      ),
    );
    const reversed = [...items].reverse();
    const first = capClusterItems(items, 40);
    expect(capClusterItems(reversed, 40)).toEqual(first);
    expect(first.omitted).toBe(260);
    expect(first.items.filter(i => i.status === 'failed')).toHaveLength(28);
  });

  it('does not reorder its input', () => {
    const items = [item('b', 'x', 'succeeded'), item('a', 'y', 'failed')];
    capClusterItems(items, 1);
    expect(items.map(i => i.namespace)).toEqual(['b', 'a']);
  });
});
