import {
  constraintError,
  noVersion,
  probeRows,
  SEMVER,
  type ConformanceRow,
} from './conformanceRow';

const RANGE_TEST = `${SEMVER} v4/range_test.go`;
const PARSE_RANGE = `${RANGE_TEST} TestParseRange`;

/** TestParseRange (range_test.go:355): every probe of every range. */
const parseRangeRows: ConformanceRow[] = [
  ...probeRows(`${PARSE_RANGE}:365`, '>1.2.3', [
    ['1.2.2', false],
    ['1.2.3', false],
    ['1.2.4', true],
  ]),
  ...probeRows(`${PARSE_RANGE}:370`, '>=1.2.3', [
    ['1.2.3', true],
    ['1.2.4', true],
    ['1.2.2', false],
  ]),
  ...probeRows(`${PARSE_RANGE}:375`, '<1.2.3', [
    ['1.2.2', true],
    ['1.2.3', false],
    ['1.2.4', false],
  ]),
  ...probeRows(`${PARSE_RANGE}:380`, '<=1.2.3', [
    ['1.2.2', true],
    ['1.2.3', true],
    ['1.2.4', false],
  ]),
  ...['1.2.3', '=1.2.3', '==1.2.3'].flatMap((constraints, i) =>
    probeRows(`${PARSE_RANGE}:${385 + 5 * i}`, constraints, [
      ['1.2.2', false],
      ['1.2.3', true],
      ['1.2.4', false],
    ]),
  ),
  ...['!=1.2.3', '!1.2.3'].flatMap((constraints, i) =>
    probeRows(`${PARSE_RANGE}:${400 + 5 * i}`, constraints, [
      ['1.2.2', true],
      ['1.2.3', false],
      ['1.2.4', true],
    ]),
  ),
  {
    source: `${PARSE_RANGE}:411`,
    constraints: '>>1.2.3',
    versions: ['1.2.4'],
    expected: constraintError(
      '>>1.2.3',
      'Could not parse Range ">>1.2.3": Could not parse comparator ">>" in ">>1.2.3"',
    ),
  },
  {
    source: `${PARSE_RANGE}:413`,
    constraints: '1.0',
    versions: ['1.0.0'],
    expected: constraintError(
      '1.0',
      'Could not parse Range "1.0": Could not parse version "1.0" in "1.0": No Major.Minor.Patch elements found',
    ),
  },
  {
    source: `${PARSE_RANGE}:414`,
    constraints: 'string',
    versions: ['1.0.0'],
    expected: constraintError(
      'string',
      'Could not get version from string: "string"',
    ),
  },
  {
    source: `${PARSE_RANGE}:416`,
    constraints: 'fo.ob.ar.x',
    versions: ['1.0.0'],
    expected: constraintError(
      'fo.ob.ar.x',
      'Could not get version from string: "fo.ob.ar.x"',
    ),
  },
  ...probeRows(`${PARSE_RANGE}:418`, '>1.2.2 <1.2.4', [
    ['1.2.2', false],
    ['1.2.3', true],
    ['1.2.4', false],
  ]),
  ...probeRows(`${PARSE_RANGE}:423`, '<1.2.2 <1.2.4', [
    ['1.2.1', true],
    ['1.2.2', false],
    ['1.2.3', false],
    ['1.2.4', false],
  ]),
  ...['>1.2.2 <1.2.5 !=1.2.4', '>1.2.2 <1.2.5 !1.2.4'].flatMap(
    (constraints, i) =>
      probeRows(`${PARSE_RANGE}:${429 + 6 * i}`, constraints, [
        ['1.2.2', false],
        ['1.2.3', true],
        ['1.2.4', false],
        ['1.2.5', false],
      ]),
  ),
  ...probeRows(`${PARSE_RANGE}:442`, '>1.2.2 || <1.2.4', [
    ['1.2.2', true],
    ['1.2.3', true],
    ['1.2.4', true],
  ]),
  ...probeRows(`${PARSE_RANGE}:447`, '<1.2.2 || >1.2.4', [
    ['1.2.2', false],
    ['1.2.3', false],
    ['1.2.4', false],
  ]),
  ...probeRows(`${PARSE_RANGE}:453`, '>1.x', [
    ['0.1.9', false],
    ['1.2.6', false],
    ['1.9.0', false],
    ['2.0.0', true],
  ]),
  ...probeRows(`${PARSE_RANGE}:459`, '>1.2.x', [
    ['1.1.9', false],
    ['1.2.6', false],
    ['1.3.0', true],
  ]),
  ...probeRows(`${PARSE_RANGE}:465`, '>1.2.2 <1.2.4 || >=2.0.0', [
    ['1.2.2', false],
    ['1.2.3', true],
    ['1.2.4', false],
    ['2.0.0', true],
    ['2.0.1', true],
  ]),
  ...probeRows(`${PARSE_RANGE}:472`, '1.x || >=2.0.x <2.2.x', [
    ['0.9.2', false],
    ['1.2.2', true],
    ['2.0.0', true],
    ['2.1.8', true],
    ['2.2.0', false],
  ]),
  ...probeRows(`${PARSE_RANGE}:479`, '>1.2.2 <1.2.4 || >=2.0.0 <3.0.0', [
    ['1.2.2', false],
    ['1.2.3', true],
    ['1.2.4', false],
    ['2.0.0', true],
    ['2.0.1', true],
    ['2.9.9', true],
    ['3.0.0', false],
  ]),
  {
    source: `${RANGE_TEST} TestMustParseRange:507`,
    constraints: '>1.2.2 <1.2.4 || >=2.0.0 <3.0.0',
    versions: ['1.2.3', '3.0.0', '1.2.4'],
    expected: { version: '1.2.3' },
  },
];

/** TestExpandWildcardVersion (range_test.go:269): each expansion probed at both sides of its bound. */
const EXPAND = `${RANGE_TEST} TestExpandWildcardVersion`;
const expandRows: ConformanceRow[] = [
  ...probeRows(`${EXPAND}:275 >=1.2.x is >=1.2.0`, '>=1.2.x', [
    ['1.1.9', false],
    ['1.2.0', true],
  ]),
  ...probeRows(`${EXPAND}:276 <=1.2.x is <1.3.0`, '<=1.2.x', [
    ['1.2.99', true],
    ['1.3.0', false],
  ]),
  ...probeRows(`${EXPAND}:277 >1.2.x is >=1.3.0`, '>1.2.x', [
    ['1.2.99', false],
    ['1.3.0', true],
  ]),
  ...probeRows(`${EXPAND}:278 <1.2.x is <1.2.0`, '<1.2.x', [
    ['1.1.99', true],
    ['1.2.0', false],
  ]),
  ...probeRows(`${EXPAND}:279 !=1.2.x is <1.2.0 >=1.3.0 (ANDed)`, '!=1.2.x', [
    ['1.1.0', false],
    ['1.2.5', false],
    ['1.3.0', false],
  ]),
  ...probeRows(`${EXPAND}:280 >=1.x is >=1.0.0`, '>=1.x', [
    ['0.9.9', false],
    ['1.0.0', true],
  ]),
  ...probeRows(`${EXPAND}:281 <=1.x is <2.0.0`, '<=1.x', [
    ['1.99.0', true],
    ['2.0.0', false],
  ]),
  ...probeRows(`${EXPAND}:282 >1.x is >=2.0.0`, '>1.x', [
    ['1.99.0', false],
    ['2.0.0', true],
  ]),
  ...probeRows(`${EXPAND}:283 <1.x is <1.0.0`, '<1.x', [
    ['0.99.0', true],
    ['1.0.0', false],
  ]),
  ...probeRows(`${EXPAND}:284 !=1.x is <1.0.0 >=2.0.0 (ANDed)`, '!=1.x', [
    ['0.9.0', false],
    ['1.5.0', false],
    ['2.0.0', false],
  ]),
  ...probeRows(`${EXPAND}:285 1.2.x is >=1.2.0 <1.3.0`, '1.2.x', [
    ['1.1.9', false],
    ['1.2.0', true],
    ['1.2.9', true],
    ['1.3.0', false],
  ]),
  ...probeRows(`${EXPAND}:286 1.x is >=1.0.0 <2.0.0`, '1.x', [
    ['0.9.9', false],
    ['1.0.0', true],
    ['1.9.9', true],
    ['2.0.0', false],
  ]),
  {
    source: `${EXPAND}:274`,
    constraints: 'foox',
    versions: ['1.0.0'],
    expected: constraintError(
      'foox',
      'Could not get version from string: "foox"',
    ),
  },
];

/** TestSplitAndTrim (range_test.go:77), TestSplitComparatorVersion (:97), TestParseComparator (:19). */
const tokenRows: ConformanceRow[] = [
  {
    source: `${RANGE_TEST} TestSplitAndTrim:83 spaces around versions`,
    constraints: '     1.2.3     1.2.3     ',
    versions: ['1.2.3', '1.2.4'],
    expected: { version: '1.2.3' },
  },
  {
    source: `${RANGE_TEST} TestSplitAndTrim:84 spaces between operator and version`,
    constraints: '  >=   1.2.3   <=  1.2.3   ',
    versions: ['1.2.2', '1.2.3', '1.2.4'],
    expected: { version: '1.2.3' },
  },
  {
    source: `${RANGE_TEST} TestSplitAndTrim:86`,
    constraints: '      1.2.3      ||     >=1.2.3     <1.2.3    ',
    versions: ['1.2.3', '1.2.4'],
    expected: { version: '1.2.3' },
  },
  {
    source: `${RANGE_TEST} TestSplitComparatorVersion:111`,
    constraints: 'error',
    versions: ['1.0.0'],
    expected: constraintError(
      'error',
      'Could not get version from string: "error"',
    ),
  },
  ...['<==', '<<', '-'].map(operator => ({
    source: `${RANGE_TEST} TestParseComparator:30-32`,
    constraints: `${operator}1.2.3`,
    versions: ['1.2.3'],
    expected: constraintError(
      `${operator}1.2.3`,
      `Could not parse Range "${operator}1.2.3": Could not parse comparator "${operator}" in "${operator}1.2.3"`,
    ),
  })),
  {
    source: `${RANGE_TEST} TestBuildVersionRange:144 invalid version`,
    constraints: '=1.2.3.4',
    versions: ['1.2.3'],
    expected: constraintError(
      '=1.2.3.4',
      'Could not parse Range "=1.2.3.4": Could not parse version "1.2.3.4" in "=1.2.3.4": Invalid character(s) found in patch number "3.4"',
    ),
  },
  {
    source: `${RANGE_TEST} TestSplitORParts:186 '||' last`,
    constraints: '>1.2.3 ||',
    versions: ['1.2.4'],
    expected: constraintError('>1.2.3 ||', "Last element in range is '||'"),
  },
  {
    source: `${RANGE_TEST} TestSplitORParts:187 '||' first`,
    constraints: '|| >1.2.3',
    versions: ['1.2.4'],
    expected: constraintError('|| >1.2.3', "First element in range is '||'"),
  },
];

export const semverRangeRows: ConformanceRow[] = [
  ...parseRangeRows,
  ...expandRows,
  ...tokenRows,
  {
    source: `${EXPAND}:275 with no candidate`,
    constraints: '>=1.2.x',
    versions: ['1.0.0', '1.1.0'],
    expected: noVersion(2, 2, 2, 0),
  },
];
