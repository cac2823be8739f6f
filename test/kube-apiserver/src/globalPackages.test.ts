import { StoredObject } from './collection';
import {
  EXCLUDE_GLOBAL_PACKAGES_ANNOTATION,
  mergeWithGlobal,
  namespaceIncludesGlobal,
} from './globalPackages';

const stored = (
  namespace: string,
  name: string,
  extra: object = {},
): StoredObject => {
  const object = { metadata: { name, namespace, ...extra } };
  return {
    key: `${namespace}/${name}`,
    namespace,
    name,
    revision: 1,
    object,
    json: JSON.stringify(object),
  };
};

describe('packaging global namespace', () => {
  it('applies to other namespaces unless they opt out', () => {
    const global = 'kapp-controller-packaging-global';
    expect(namespaceIncludesGlobal('apps', global, stored('', 'apps'))).toBe(
      true,
    );
    expect(namespaceIncludesGlobal(global, global, stored('', global))).toBe(
      false,
    );
    expect(namespaceIncludesGlobal(undefined, global, undefined)).toBe(false);
    expect(namespaceIncludesGlobal('apps', global, undefined)).toBe(false);
    expect(
      namespaceIncludesGlobal(
        'apps',
        global,
        stored('', 'apps', {
          annotations: { [EXCLUDE_GLOBAL_PACKAGES_ANNOTATION]: '' },
        }),
      ),
    ).toBe(false);
  });

  it('merges global objects rewritten into the namespace, local ones winning', () => {
    const merged = mergeWithGlobal(
      [
        stored('apps', 'b.1.0.0', { labels: { local: 'yes' } }),
        stored('apps', 'c.1.0.0'),
      ],
      [stored('global', 'a.1.0.0'), stored('global', 'b.1.0.0')],
      'apps',
    );
    expect(
      merged.map(s => [s.key, (s.object.metadata as any).labels?.local]),
    ).toEqual([
      ['apps/a.1.0.0', undefined],
      ['apps/b.1.0.0', 'yes'],
      ['apps/c.1.0.0', undefined],
    ]);
    expect(JSON.parse(merged[0].json).metadata.namespace).toBe('apps');
  });
});
