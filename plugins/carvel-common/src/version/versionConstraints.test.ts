import { parseVersion } from './parseVersion';
import { parseVersionConstraints } from './versionConstraints';

function matches(constraints: string, version: string): boolean {
  const range = parseVersionConstraints(constraints);
  if (!range.ok) throw new Error(range.error);
  return range.matches(version);
}

describe('parseVersionConstraints', () => {
  it.each([
    ['>=0.0.0', '20230418093015.0.0', true],
    ['>=0.0.0', '0.0.0', true],
    ['>=0.0.0', '2.0.0-rc.1', true],
    ['>=1.0.0', '1.0.0-rc.1', false],
    ['1.2.3', '1.2.3', true],
    ['1.2.3', 'v1.2.3', true],
    ['1.2.3', '1.2.4', false],
    ['=1.0.0', '1.0.0+build.1', false],
    ['==20230518150903.0.0', '20230518150903.0.0+build.6db88c7', false],
    [
      '20230518150903.0.0+build.6db88c7',
      '20230518150903.0.0+build.6db88c7',
      true,
    ],
    ['>= 1.0.0', '1.0.0', true],
    ['>=   1.0.0   <  2.0.0', '1.5.0', true],
    ['>1.0.0', '1.0.0', false],
    ['<=1.0.0', '1.0.0', true],
    ['<1.0.0', '1.0.0', false],
    ['>1.0.0 <2.0.0', '1.5.0', true],
    ['>1.0.0 <2.0.0', '2.0.0', false],
    ['>=1.0.0 <2.0.0', '2.0.0-rc.1', true],
    ['<1.0.0 || >=3.0.0', '2.0.0', false],
    ['<1.0.0 || >=3.0.0', '3.1.0', true],
    ['<1.0.0 || >=3.0.0', '0.9.0', true],
    ['>1.2.2 <1.2.5 !=1.2.4', '1.2.4', false],
    ['>1.2.2 <1.2.5 !=1.2.4', '1.2.3', true],
    ['!=1.2.4', '1.2.4', false],
    ['!1.2.4', '1.2.3', true],
    ['1.x', '1.9.9', true],
    ['1.x', '2.0.0', false],
    // No `-0` in the vendored semver (range.go:352-355): 1.x is >=1.0.0 <2.0.0.
    ['1.x', '1.0.0-rc.1', false],
    ['1.x', '2.0.0-rc.1', true],
    ['1.2.x', '1.2.9', true],
    ['1.2.x', '1.3.0', false],
    ['>1.x', '2.0.0', true],
    ['>1.x', '1.9.0', false],
    ['>=1.x', '1.0.0', true],
    ['<=1.x', '1.99.0', true],
    ['<=1.x', '2.0.0', false],
    ['<1.2.x', '1.1.9', true],
    ['<1.2.x', '1.2.0', false],
    ['>1.2.x', '1.3.0', true],
    ['1.x || >=2.0.x <2.2.x', '2.1.8', true],
    ['1.x || >=2.0.x <2.2.x', '2.2.0', false],
    // blang reads `1.x.x` as a patch wildcard on 1.0: only 1.0.*
    ['1.x.x', '1.0.5', true],
    ['1.x.x', '1.5.0', false],
    ['>=20230405120000.0.0', '20230418093015.0.0', true],
    ['<20230405120000.0.0', '9.0.0', true],
    ['>=1.0.0', 'not-a-version', false],
  ])('%j matches %s: %s', (constraints, version, expected) => {
    expect(matches(constraints, version)).toBe(expected);
  });

  it.each([
    [
      '^20230405120000.0.0',
      'Could not parse Range "^20230405120000.0.0": Could not parse comparator "^" in "^20230405120000.0.0"',
    ],
    [
      '~1.2.3',
      'Could not parse Range "~1.2.3": Could not parse comparator "~" in "~1.2.3"',
    ],
    [
      '>v1.5.3',
      'Could not parse Range ">v1.5.3": Could not parse comparator ">v" in ">v1.5.3"',
    ],
    [
      'v1.5.3',
      'Could not parse Range "v1.5.3": Could not parse comparator "v" in "v1.5.3"',
    ],
    [
      '>=1.0',
      'Could not parse Range ">=1.0": Could not parse version "1.0" in ">=1.0": No Major.Minor.Patch elements found',
    ],
    [
      '>=1.0.0, <2.0.0',
      'Could not parse Range ">=1.0.0,": Could not parse version "1.0.0," in ">=1.0.0,": Invalid character(s) found in patch number "0,"',
    ],
    ['|| 1.0.0', "First element in range is '||'"],
    ['1.0.0 ||', "Last element in range is '||'"],
    ['', "Last element in range is '||'"],
    ['latest', 'Could not get version from string: "latest"'],
    ['>=1.0.0 <  ', 'Could not get version from string: "<"'],
    [
      '>=01.0.0',
      'Could not parse Range ">=01.0.0": Could not parse version "01.0.0" in ">=01.0.0": Major number must not contain leading zeroes "01"',
    ],
    [
      'constructor1.0.0',
      'Could not parse Range "constructor1.0.0": Could not parse comparator "constructor" in "constructor1.0.0"',
    ],
  ])('rejects %j', (constraints, error) => {
    expect(parseVersionConstraints(constraints)).toEqual({ ok: false, error });
  });

  it.each([
    ['1.0.0 - 2.0.0', [['1.0.0', '2.0.0']], ['-'], []],
    ['! 1.0.0', [['1.0.0']], ['!'], []],
    ['>=1.0.0 , <2.0.0', [['>=1.0.0', '<2.0.0']], [','], []],
    ['>=1.0.0 <', [['>=1.0.0']], ['<'], []],
    [
      '~1.x',
      [['1.0.0']],
      [],
      [{ token: '~1.x', operator: '~', readAs: '1.0.0' }],
    ],
    [
      '^1.x',
      [['1.0.0']],
      [],
      [{ token: '^1.x', operator: '^', readAs: '1.0.0' }],
    ],
    ['!=1.x', [['<1.0.0', '>=2.0.0']], [], []],
    ['1.x.x', [['>=1.0.0', '<1.1.0']], [], []],
    ['>=1.0.0 || || 2.0.0', [['>=1.0.0'], [], ['2.0.0']], [], []],
  ])(
    'accepts %j as kapp-controller reads it',
    (constraints, alternatives, ignored, droppedOperators) => {
      expect(parseVersionConstraints(constraints)).toMatchObject({
        ok: true,
        alternatives,
        ignored,
        droppedOperators,
      });
    },
  );

  it('reports the panic of an empty alternative only where kapp-controller reaches it', () => {
    const range = parseVersionConstraints('>=1.0.0 || || 2.0.0');
    if (!range.ok) throw new Error(range.error);
    expect(range.evaluate(parseVersion('1.5.0')!)).toBe(true);
    expect(range.evaluate(parseVersion('0.5.0')!)).toBe('panic');
    expect(range.matches('0.5.0')).toBe(false);
  });
});
