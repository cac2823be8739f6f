import {
  constraintError,
  KAPP_CONTROLLER,
  noVersion,
  SEMVER,
  VENDIR,
  type ConformanceRow,
} from './conformanceRow';

const RANGE = `${SEMVER} v4/range.go`;
const SEMVERS = `${VENDIR} pkg/vendir/versions/semvers.go`;
const PACKAGE_INSTALL = `${KAPP_CONTROLLER} pkg/packageinstall/packageinstall.go`;
const PANIC =
  "kapp-controller panics while filtering versions with this constraint (an empty alternative between '||' is a nil Range): runtime error: invalid memory address or nil pointer dereference";

/** Behaviour read from the code itself (no upstream test covers it); each row names the lines. */
const wildcardRows: ConformanceRow[] = [
  {
    source: `${RANGE}:352-355 1.x is >=1.0.0 <2.0.0 without -0: with prereleases it takes 2.0.0-rc.1`,
    constraints: '1.x',
    versions: ['1.0.0-rc.1', '1.5.0', '2.0.0-rc.1'],
    prereleases: {},
    expected: { version: '2.0.0-rc.1' },
  },
  {
    source: `${RANGE}:352-355 1.x never takes 1.0.0-rc.1`,
    constraints: '1.x',
    versions: ['1.0.0-rc.1'],
    prereleases: {},
    expected: noVersion(1, 1, 1, 0),
  },
  {
    source: `${RANGE}:345 >=1.2.x is >=1.2.0: 1.2.0-rc.1 is below it`,
    constraints: '>=1.2.x',
    versions: ['1.2.0-rc.1', '1.1.0'],
    prereleases: {},
    expected: noVersion(2, 2, 2, 0),
  },
  {
    source: `${RANGE}:350 <=1.2.x is <1.3.0: it takes 1.3.0-rc.1`,
    constraints: '<=1.2.x',
    versions: ['1.2.5', '1.3.0-rc.1'],
    prereleases: {},
    expected: { version: '1.3.0-rc.1' },
  },
  {
    source: `${RANGE}:266 1.x.x is a patch wildcard on 1.0 (>=1.0.0 <1.1.0)`,
    constraints: '1.x.x',
    versions: ['1.0.5', '1.5.0'],
    expected: { version: '1.0.5' },
  },
  {
    source: `${RANGE}:341-360 ~1.x: an unknown operator is dropped, leaving exactly 1.0.0`,
    constraints: '~1.x',
    versions: ['1.0.0', '1.5.0'],
    expected: { version: '1.0.0' },
  },
  {
    source: `${RANGE}:341-360 ^1.x is exactly 1.0.0`,
    constraints: '^1.x',
    versions: ['1.0.0', '1.5.0'],
    expected: { version: '1.0.0' },
  },
  {
    source: `${RANGE}:341-360 ~1.2.x is exactly 1.2.0`,
    constraints: '~1.2.x',
    versions: ['1.2.0', '1.2.5'],
    expected: { version: '1.2.0' },
  },
  {
    source: `${RANGE}:239 v1.x: "v" is the operator, dropped like ~`,
    constraints: 'v1.x',
    versions: ['1.0.0', '1.5.0'],
    expected: { version: '1.0.0' },
  },
  {
    source: `${RANGE}:180 ~ without a wildcard is an error`,
    constraints: '~1.0.0',
    versions: ['1.0.0'],
    expected: constraintError(
      '~1.0.0',
      'Could not parse Range "~1.0.0": Could not parse comparator "~" in "~1.0.0"',
    ),
  },
  {
    source: `${RANGE}:356-359 !=1.x is <1.0.0 AND >=2.0.0: nothing`,
    constraints: '!=1.x',
    versions: ['0.9.0', '2.0.0'],
    expected: noVersion(2, 2, 2, 0),
  },
  {
    source: `${RANGE}:330 an x inside a prerelease passes through >= unchanged`,
    constraints: '>=1.0.0-xyz',
    versions: ['1.0.0-abc', '1.0.0-xyz'],
    prereleases: {},
    expected: { version: '1.0.0-xyz' },
  },
  {
    source: `${RANGE}:352-374 1.0.0-xyz (exact) becomes ">=1.0.0-xyz" and "<" with no version`,
    constraints: '1.0.0-xyz',
    versions: ['1.0.0-xyz'],
    expected: constraintError(
      '1.0.0-xyz',
      'Could not get version from string: "<"',
    ),
  },
  {
    source: `${RANGE}:342-374 >1.0.0-xyz becomes ">=" with no version`,
    constraints: '>1.0.0-xyz',
    versions: ['1.0.0'],
    expected: constraintError(
      '>1.0.0-xyz',
      'Could not get version from string: ">="',
    ),
  },
  {
    source: `${RANGE}:330 build metadata with an x (1.0.0+linux) is a wildcard too`,
    constraints: '1.0.0+linux',
    versions: ['1.0.0+linux'],
    expected: constraintError(
      '1.0.0+linux',
      'Could not get version from string: "<"',
    ),
  },
  {
    source: `${RANGE}:267 the first ".x" becomes ".0" even inside a prerelease`,
    constraints: '>=1.0.0-rc.x1',
    versions: ['1.0.0'],
    expected: constraintError(
      '>=1.0.0-rc.x1',
      'Could not parse Range ">=1.0.0-rc.01": Could not parse version "1.0.0-rc.01" in ">=1.0.0-rc.01": Numeric PreRelease version must not contain leading zeroes "01"',
    ),
  },
  {
    source: `${RANGE}:253/374 1.2.x.x has no wildcard type: "<" is left without a version`,
    constraints: '1.2.x.x',
    versions: ['1.2.0'],
    expected: constraintError(
      '1.2.x.x',
      'Could not get version from string: "<"',
    ),
  },
  {
    source: `${RANGE}:282-286 Atoi+1 wraps at int64's end: the bound gets a "-" operator`,
    constraints: '<=9223372036854775807.x',
    versions: ['1.0.0'],
    expected: constraintError(
      '<=9223372036854775807.x',
      'Could not parse Range "<-9223372036854775808.0.0": Could not parse comparator "<-" in "<-9223372036854775808.0.0"',
    ),
  },
  {
    source: `${RANGE}:295 Atoi reads a sign: <=1.-1.x becomes <1.0.0`,
    constraints: '<=1.-1.x',
    versions: ['0.9.0', '1.0.0'],
    expected: { version: '0.9.0' },
  },
];

const tokenRows: ConformanceRow[] = [
  {
    source: `${RANGE}:211 the one-byte "-" of a hyphen range is dropped: 1.0.0 AND 2.0.0`,
    constraints: '1.0.0 - 2.0.0',
    versions: ['1.0.0', '1.5.0', '2.0.0'],
    expected: noVersion(3, 3, 3, 0),
  },
  {
    source: `${RANGE}:211 a hyphen range between equal versions is that version`,
    constraints: '1.0.0 - 1.0.0',
    versions: ['1.0.0', '1.5.0'],
    expected: { version: '1.0.0' },
  },
  {
    source: `${RANGE}:211 "! 1.0.0": the "!" is dropped, leaving exactly 1.0.0`,
    constraints: '! 1.0.0',
    versions: ['1.0.0', '2.0.0'],
    expected: { version: '1.0.0' },
  },
  {
    source: `${RANGE}:211 ">=1.0.0 , <2.0.0": the lone comma is dropped`,
    constraints: '>=1.0.0 , <2.0.0',
    versions: ['1.5.0', '2.0.0'],
    expected: { version: '1.5.0' },
  },
  {
    source: `${RANGE}:184 a comma attached to a version is an error`,
    constraints: '>=1.0.0, <2.0.0',
    versions: ['1.5.0'],
    expected: constraintError(
      '>=1.0.0, <2.0.0',
      'Could not parse Range ">=1.0.0,": Could not parse version "1.0.0," in ">=1.0.0,": Invalid character(s) found in patch number "0,"',
    ),
  },
  {
    source: `${RANGE}:210 a space after > < = does not split: "> = 1.0.0" is ">=1.0.0"`,
    constraints: '> = 1.0.0',
    versions: ['1.0.0', '0.9.0'],
    expected: { version: '1.0.0' },
  },
  {
    source: `${RANGE}:243 a tab before the operator is trimmed`,
    constraints: '\t>=1.0.0',
    versions: ['1.0.0'],
    expected: { version: '1.0.0' },
  },
  {
    source: `${RANGE}:210 only " " splits: a tab stays in the version`,
    constraints: '>=1.0.0\t<2.0.0',
    versions: ['1.0.0'],
    expected: constraintError(
      '>=1.0.0\t<2.0.0',
      'Could not parse Range ">=1.0.0\\t<2.0.0": Could not parse version "1.0.0\\t<2.0.0" in ">=1.0.0\\t<2.0.0": Invalid character(s) found in patch number "0\\t<2.0.0"',
    ),
  },
  {
    source: `${RANGE}:184 a no-break space is quoted as Go quotes it`,
    constraints: '1.0.0\u00a0',
    versions: ['1.0.0'],
    expected: constraintError(
      '1.0.0\u00a0',
      'Could not parse Range "1.0.0\\u00a0": Could not parse version "1.0.0\\u00a0" in "1.0.0\\u00a0": Invalid character(s) found in patch number "0\\u00a0"',
    ),
  },
  {
    source: `${RANGE}:211/219 a one-character constraint is dropped entirely`,
    constraints: '1',
    versions: ['1.0.0'],
    expected: constraintError('1', "Last element in range is '||'"),
  },
  {
    source: `${RANGE}:168 a blank constraint`,
    constraints: '   ',
    versions: ['1.0.0'],
    expected: constraintError('   ', "Last element in range is '||'"),
  },
  {
    source: `${RANGE}:211 one-byte tokens around '||' are dropped`,
    constraints: '1 || 2',
    versions: ['1.0.0'],
    expected: constraintError('1 || 2', "First element in range is '||'"),
  },
  {
    source: `${RANGE}:211 the limit is one byte, not one character: "é" is kept`,
    constraints: '>=1.0.0 é',
    versions: ['1.0.0'],
    expected: constraintError(
      '>=1.0.0 é',
      'Could not get version from string: "é"',
    ),
  },
  {
    source: `${RANGE}:143-146 an empty alternative is never reached when an earlier one matches`,
    constraints: '>=1.0.0 || || 2.0.0',
    versions: ['1.0.0', '3.0.0'],
    expected: { version: '3.0.0' },
  },
  {
    source: `${RANGE}:143-146 a version reaching an empty alternative calls a nil Range`,
    constraints: '>=1.0.0 || || 2.0.0',
    versions: ['0.1.0', '1.0.0'],
    expected: { error: PANIC },
  },
];

const selectionRows: ConformanceRow[] = [
  {
    source: `${RANGE}:35 + semver.go:155 build metadata counts: 1.0.0 does not match 1.0.0+build.1`,
    constraints: '1.0.0',
    versions: ['1.0.0+build.1'],
    expected: noVersion(1, 1, 1, 0),
  },
  {
    source: `${RANGE}:50 + semver.go:155 <=1.0.0 excludes 1.0.0+build.1`,
    constraints: '<=1.0.0',
    versions: ['0.9.0', '1.0.0+build.1'],
    expected: { version: '0.9.0' },
  },
  {
    source: `${RANGE}:41 + semver.go:155 >1.0.0 takes 1.0.0+build.1`,
    constraints: '>1.0.0',
    versions: ['1.0.0+build.1'],
    expected: { version: '1.0.0+build.1' },
  },
  {
    source: `${SEMVERS}:35 a leading v on a Package version is ignored and kept in the answer`,
    constraints: '1.2.0',
    versions: ['v1.2.0', 'vv1.3.0'],
    expected: { version: 'v1.2.0' },
  },
  {
    source: `${RANGE}:180 a leading v in a constraint is an operator`,
    constraints: 'v1.2.0',
    versions: ['1.2.0'],
    expected: constraintError(
      'v1.2.0',
      'Could not parse Range "v1.2.0": Could not parse comparator "v" in "v1.2.0"',
    ),
  },
  {
    source: `${SEMVER} v4/semver.go:131 uint64 versions beyond JavaScript's safe integers`,
    versions: [
      '18446744073709551614.0.0',
      '18446744073709551615.0.0',
      '18446744073709551616.0.0',
    ],
    expected: { version: '18446744073709551615.0.0' },
  },
  {
    source: `${PACKAGE_INSTALL}:318-324 a pinned prerelease with build metadata enables prereleases`,
    constraints: '3.0.0-rc.1+build.5',
    versions: ['3.0.0-rc.1+build.5'],
    expected: { version: '3.0.0-rc.1+build.5' },
  },
  {
    source: `${PACKAGE_INSTALL}:320 only a bare version enables prereleases: =3.0.0-rc.1 does not`,
    constraints: '=3.0.0-rc.1',
    versions: ['1.0.0', '3.0.0-rc.1'],
    expected: noVersion(2, 1, 1, 0),
  },
  {
    source: `${SEMVERS}:128 a numeric identifier selects prereleases too`,
    versions: ['1.0.0', '2.0.0-1', '2.0.0-rc.2'],
    prereleases: { identifiers: ['1'] },
    expected: { version: '2.0.0-1' },
  },
  {
    source: `${SEMVERS}:128 identifiers match whole identifiers`,
    versions: ['1.0.0', '2.0.0-rc1'],
    prereleases: { identifiers: ['rc'] },
    expected: { version: '1.0.0' },
  },
  {
    source: `${PACKAGE_INSTALL}:297 no Package in the namespace comes before a constraint error`,
    constraints: '~1.0.0',
    versions: [],
    packageName: 'app.default.tap',
    expected: { error: 'Package app.default.tap not found' },
  },
  {
    source: `${VENDIR} pkg/vendir/versions/selector.go:40-44 a constraint error even with no version of the refName`,
    constraints: '~1.0.0',
    versions: [],
    namespaceHasPackages: true,
    expected: constraintError(
      '~1.0.0',
      'Could not parse Range "~1.0.0": Could not parse comparator "~" in "~1.0.0"',
    ),
  },
  {
    source: `${SEMVER} v4/semver.go:430 a numeric prerelease beyond uint64 in a constraint`,
    constraints: '>=1.0.0-99999999999999999999',
    versions: ['1.0.0'],
    expected: constraintError(
      '>=1.0.0-99999999999999999999',
      'Could not parse Range ">=1.0.0-99999999999999999999": Could not parse version "1.0.0-99999999999999999999" in ">=1.0.0-99999999999999999999": strconv.ParseUint: parsing "99999999999999999999": value out of range',
    ),
  },
];

export const quirkRows: ConformanceRow[] = [
  ...wildcardRows,
  ...tokenRows,
  ...selectionRows,
];
