import { readCarvelEntitySelection } from './entitySelection';

describe('readCarvelEntitySelection', () => {
  it.each([
    [undefined, { packageNames: [] }],
    [{}, { packageNames: [] }],
    [
      { 'carvel.dev/package-name': 'app.default.tap' },
      { packageNames: ['app.default.tap'] },
    ],
    [
      {
        'carvel.dev/package-name': ' a.b.c, d.e.f ,,a.b.c',
        'carvel.dev/clusters': 'prod, staging',
        'carvel.dev/namespace': ' apps ',
      },
      {
        packageNames: ['a.b.c', 'd.e.f'],
        clusters: ['prod', 'staging'],
        namespace: 'apps',
      },
    ],
    [
      {
        'carvel.dev/package-name': 'a.b.c',
        'carvel.dev/clusters': ' ',
        'carvel.dev/namespace': '',
      },
      { packageNames: ['a.b.c'] },
    ],
  ])('%j', (annotations, expected) => {
    expect(readCarvelEntitySelection(annotations as any)).toEqual(expected);
  });
});
