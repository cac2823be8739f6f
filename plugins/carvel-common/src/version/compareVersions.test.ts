import { compareVersions, sortVersions } from './compareVersions';
import { parseStrictVersion, parseVersion } from './parseVersion';

describe('parseVersion', () => {
  it.each([
    [
      '1.2.3',
      { major: '1', minor: '2', patch: '3', prerelease: [], build: [] },
    ],
    [
      'v1.2.3',
      { major: '1', minor: '2', patch: '3', prerelease: [], build: [] },
    ],
    ['20230321004057.0.0', { major: '20230321004057', minor: '0', patch: '0' }],
    ['1.0.0-rc.1', { prerelease: ['rc', '1'], build: [] }],
    ['1.0.0-rc-1', { prerelease: ['rc-1'] }],
    [
      '20230518150903.0.0+build.6db88c7',
      { prerelease: [], build: ['build', '6db88c7'] },
    ],
    ['1.0.0-alpha.1+001', { prerelease: ['alpha', '1'], build: ['001'] }],
    ['18446744073709551615.0.0', { major: '18446744073709551615' }],
  ])('parses %s', (text, expected) => {
    expect(parseVersion(text)).toMatchObject({ ...expected, original: text });
  });

  it.each([
    '1.0',
    '1',
    '',
    ' 1.0.0',
    'vv1.0.0',
    'V1.0.0',
    '01.0.0',
    '1.0.0-01',
    '1.0.0-',
    '1.0.0+',
    '1.0.0-rc..1',
    '1.0.0+build_1',
    '18446744073709551616.0.0',
    'latest',
  ])('rejects %j', text => {
    expect(parseVersion(text)).toBeUndefined();
  });

  it.each([
    ['1.0', 'No Major.Minor.Patch elements found'],
    ['01.0.0', 'Major number must not contain leading zeroes "01"'],
    ['1.a.0', 'Invalid character(s) found in minor number "a"'],
    [
      '1.0.0-01',
      'Numeric PreRelease version must not contain leading zeroes "01"',
    ],
    ['1.0.0+b_1', 'Invalid character(s) found in BuildMeta "b_1"'],
    ['v1.0.0', 'Invalid character(s) found in major number "v1"'],
  ])('explains why %s is not a strict version', (text, error) => {
    expect(parseStrictVersion(text)).toEqual({ ok: false, error });
  });
});

describe('compareVersions', () => {
  it.each([
    ['1.0.0', '2.0.0', -1],
    ['2.1.0', '2.0.9', 1],
    ['1.10.0', '1.9.0', 1],
    ['1.2.10', '1.2.9', 1],
    ['9.0.0', '20230321004057.0.0', -1],
    ['20230321004057.0.0', '20230418093015.0.0', -1],
    ['18446744073709551615.0.0', '18446744073709551614.0.0', 1],
    ['1.0.0-rc.1', '1.0.0', -1],
    ['1.0.0-alpha', '1.0.0-alpha.1', -1],
    ['1.0.0-alpha.1', '1.0.0-alpha.beta', -1],
    ['1.0.0-beta.2', '1.0.0-beta.11', -1],
    ['1.0.0-beta.11', '1.0.0-rc.1', -1],
    ['1.0.0-rc.1', '1.0.0-rc.1', 0],
    ['1.0.0', '1.0.0+a', -1],
    ['1.0.0+a', '1.0.0+b', -1],
    ['1.0.0+1', '1.0.0+a', -1],
    ['1.0.0+build.2', '1.0.0+build.10', -1],
    ['1.0.0+1.2', '1.0.0+1.2.3', -1],
    ['1.0.0+001', '1.0.0+1', 0],
    ['1.0.0-2+2', '1.0.0-3+1', -1],
    ['20230518150903.0.0', '20230518150903.0.0+build.6db88c7', -1],
    ['v1.2.3', '1.2.3', 0],
    ['latest', '0.0.1', -1],
    ['latest', 'edge', 1],
  ] as const)('%s vs %s = %d', (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
    expect(compareVersions(b, a)).toBe(-expected || 0);
  });
});

describe('sortVersions', () => {
  it('sorts TAP timestamp versions numerically, not as text', () => {
    const versions = [
      '20230418093015.0.0',
      '9.0.0',
      '20230321004057.0.0',
      '100.0.0',
    ];
    expect(sortVersions(versions)).toEqual([
      '9.0.0',
      '100.0.0',
      '20230321004057.0.0',
      '20230418093015.0.0',
    ]);
    expect(versions[0]).toBe('20230418093015.0.0');
  });

  it('orders prereleases before their release and build metadata after it', () => {
    expect(
      sortVersions([
        '1.0.0+b',
        '1.0.0',
        '1.0.0-rc.2',
        '1.0.0+a',
        '1.0.0-rc.10',
        '0.9.0',
      ]),
    ).toEqual([
      '0.9.0',
      '1.0.0-rc.2',
      '1.0.0-rc.10',
      '1.0.0',
      '1.0.0+a',
      '1.0.0+b',
    ]);
  });

  it('puts text that is not a version first and keeps equal versions in input order', () => {
    expect(sortVersions(['2.0.0', 'v1.0.0', 'latest', '1.0.0'])).toEqual([
      'latest',
      'v1.0.0',
      '1.0.0',
      '2.0.0',
    ]);
  });
});
