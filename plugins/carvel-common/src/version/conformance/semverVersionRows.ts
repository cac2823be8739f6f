import {
  constraintError,
  noVersion,
  SEMVER,
  type ConformanceRow,
} from './conformanceRow';

const SEMVER_TEST = `${SEMVER} v4/semver_test.go`;

/** compareTests (semver_test.go:127) as "which of the two does kapp-controller pick", both orders. */
const comparePairs: [line: number, lower: string, higher: string][] = [
  [129, '1.0.0', '2.0.0'],
  [131, '0.1.0', '0.2.0'],
  [133, '0.0.1', '0.0.2'],
  [135, '1.2.4', '2.2.4'],
  [136, '1.2.3', '1.3.3'],
  [137, '1.2.3', '1.2.4'],
  [141, '2.0.0', '2.1.0'],
  [142, '2.1.0', '2.1.1'],
  [145, '1.0.0-alpha', '1.0.0'],
  [146, '1.0.0-alpha', '1.0.0-alpha.1'],
  [147, '1.0.0-alpha.1', '1.0.0-alpha.beta'],
  [148, '1.0.0-alpha.beta', '1.0.0-beta'],
  [149, '1.0.0-beta', '1.0.0-beta.2'],
  [150, '1.0.0-beta.2', '1.0.0-beta.11'],
  [151, '1.0.0-beta.11', '1.0.0-rc.1'],
  [152, '1.0.0-rc.1', '1.0.0'],
  [155, '1.0.0', '1.0.0+1.2.3'],
  [156, '1.0.0+1.2', '1.0.0+1.2.3'],
  [157, '1.0.0+1', '1.0.0+a'],
  [159, '1.0.0+1', '1.0.0+2'],
  [160, '1.0.0-2+2', '1.0.0-3+1'],
];

const compareRows: ConformanceRow[] = comparePairs.flatMap(
  ([line, lower, higher]) =>
    [
      [lower, higher],
      [higher, lower],
    ].map(versions => ({
      source: `${SEMVER_TEST} TestCompare:${line}`,
      versions,
      prereleases: {},
      expected: { version: higher },
    })),
);

/** wrongformatTests (semver_test.go:180): kapp-controller skips such Package versions without a word. */
const wrongFormats = [
  '',
  '.',
  '1.',
  '.1',
  'a.b.c',
  '1.a.b',
  '1.1.a',
  '1.a.1',
  'a.1.1',
  '..',
  '1..',
  '1.1.',
  '1..1',
  '1.1.+123',
  '1.1.-beta',
  '-1.1.1',
  '1.-1.1',
  '1.1.-1',
  '20000000000000000000.1.1',
  '1.20000000000000000000.1',
  '1.1.20000000000000000000',
  '1.1.1-20000000000000000000',
  '01.1.1',
  '001.1.1',
  '1.01.1',
  '1.001.1',
  '1.1.01',
  '1.1.001',
  '1.1.1-01',
  '1.1.1-001',
  '1.1.1-beta.01',
  '1.1.1-beta.001',
  '0.0.0-!',
  '0.0.0+!',
  '0.0.0-.alpha',
  '0.0.0-alpha+',
  '0.0.0-alpha+test.',
];

const wrongFormatRows: ConformanceRow[] = [
  {
    source: `${SEMVER_TEST} TestWrongFormat:224 (vendir semvers.go:47 skips them)`,
    versions: [...wrongFormats, '0.0.1'],
    prereleases: {},
    expected: { version: '0.0.1' },
  },
  {
    source: `${SEMVER_TEST} TestWrongFormat:224 (nothing left)`,
    constraints: '>=0.0.0',
    versions: wrongFormats,
    prereleases: {},
    expected: noVersion(0, 0, 0, 0),
  },
];

/** The same wrong formats as constraint bounds give semver.go Parse's messages (semver.go:253). */
const boundErrors: [version: string, error: string][] = [
  ['1.1.a', 'Invalid character(s) found in patch number "a"'],
  ['1.a.1', 'Invalid character(s) found in minor number "a"'],
  ['1..1', 'strconv.ParseUint: parsing "": invalid syntax'],
  ['1.1.+123', 'strconv.ParseUint: parsing "": invalid syntax'],
  [
    '20000000000000000000.1.1',
    'strconv.ParseUint: parsing "20000000000000000000": value out of range',
  ],
  [
    '1.1.1-20000000000000000000',
    'strconv.ParseUint: parsing "20000000000000000000": value out of range',
  ],
  ['01.1.1', 'Major number must not contain leading zeroes "01"'],
  ['1.01.1', 'Minor number must not contain leading zeroes "01"'],
  ['1.1.01', 'Patch number must not contain leading zeroes "01"'],
  [
    '1.1.1-beta.01',
    'Numeric PreRelease version must not contain leading zeroes "01"',
  ],
  ['0.0.0-!', 'Invalid character(s) found in PreRelease "!"'],
  ['0.0.0+!', 'Invalid character(s) found in BuildMeta "!"'],
  ['0.0.0-.alpha', 'PreRelease is empty'],
  ['0.0.0-alpha+', 'BuildMeta is empty'],
  ['0.0.0-alpha+test.', 'BuildMeta is empty'],
];

const boundErrorRows: ConformanceRow[] = boundErrors.map(
  ([version, error]) => ({
    source: `${SEMVER} v4/semver.go:253 Parse, for semver_test.go TestWrongFormat:180 "${version}"`,
    constraints: `>=${version}`,
    versions: ['1.0.0'],
    expected: constraintError(
      `>=${version}`,
      `Could not parse Range ">=${version}": Could not parse version "${version}" in ">=${version}": ${error}`,
    ),
  }),
);

export const semverVersionRows: ConformanceRow[] = [
  ...compareRows,
  ...wrongFormatRows,
  ...boundErrorRows,
  {
    source: `${SEMVER_TEST} formatTests:29 hyphens in prerelease and build metadata`,
    constraints: '>=1.2.3-alpha.b-eta+123.b-uild',
    versions: ['1.2.3-alpha.b-eta', '1.2.3-alpha.b-eta+123.b-uild'],
    prereleases: {},
    expected: { version: '1.2.3-alpha.b-eta+123.b-uild' },
  },
];
