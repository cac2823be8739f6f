import { filterPackages } from './filterPackages';

const known = (packageName: string) => ({
  packageName,
  clusters: [],
  versions: [],
});
const packages = [
  known('app.default.tap'),
  known('catalog.default.tap'),
  known('web.team-a.example.com'),
];

describe('filterPackages', () => {
  it('keeps packages containing every word, ignoring case', () => {
    expect(filterPackages(packages, 'DEFAULT').map(p => p.packageName)).toEqual(
      ['app.default.tap', 'catalog.default.tap'],
    );
    expect(filterPackages(packages, 'tap cat').map(p => p.packageName)).toEqual(
      ['catalog.default.tap'],
    );
    expect(filterPackages(packages, 'nothing')).toEqual([]);
  });

  it('keeps all for an empty search', () => {
    expect(filterPackages(packages, '  ')).toEqual(packages);
  });
});
