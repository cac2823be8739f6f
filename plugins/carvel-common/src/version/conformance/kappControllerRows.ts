import {
  KAPP_CONTROLLER,
  noVersion,
  VENDIR,
  type ConformanceRow,
} from './conformanceRow';

const SEMVERS_TEST = `${VENDIR} pkg/vendir/versions/semvers_test.go`;
const MIXED = [
  '2.0.0-10+meta.10',
  '0.0.1-pre.10',
  '0.0.1-pre.1',
  '0.1.0',
  '2.0.0-10',
  '2.0.0',
  '0.0.1-rc.0',
];

/** vendir's own tests of the selection kapp-controller calls (semvers.go, selector.go). */
const vendirRows: ConformanceRow[] = [
  {
    source: `${SEMVERS_TEST} TestSemverOrder:16 (equal 2.0.0 and v2.0.0: the later one wins)`,
    versions: [...MIXED, 'v2.0.0'],
    expected: { version: 'v2.0.0' },
  },
  {
    source: `${SEMVERS_TEST} TestSemverOrder:16 (stable sort, other order)`,
    versions: ['v2.0.0', ...MIXED],
    expected: { version: '2.0.0' },
  },
  {
    source: `${SEMVERS_TEST} TestSemverFilter:40 (>0.0.5 <5.0.0 keeps 2.0.0-10)`,
    constraints: '>0.0.5 <5.0.0',
    versions: MIXED.filter(v => v !== '2.0.0'),
    prereleases: {},
    expected: { version: '2.0.0-10+meta.10' },
  },
  {
    source: `${SEMVERS_TEST} TestSemverWithoutPrereleases:60`,
    versions: MIXED.filter(v => v !== '2.0.0'),
    expected: { version: '0.1.0' },
  },
  {
    source: `${SEMVERS_TEST} TestSemverWithPrereleases:77`,
    constraints: '<2.0.0',
    versions: MIXED,
    prereleases: {},
    expected: { version: '2.0.0-10+meta.10' },
  },
  {
    source: `${SEMVERS_TEST} TestSemverWithPrereleaseIdentifiers:101`,
    constraints: '<0.1.0',
    versions: [
      '2.0.0-10+meta.10',
      '0.0.1-pre.10',
      '0.0.1-alpha.1',
      '0.1.0',
      '2.0.0-10',
      '2.0.0',
      '0.0.1-rc.0',
    ],
    prereleases: { identifiers: ['alpha', 'rc'] },
    expected: { version: '0.0.1-rc.0' },
  },
  {
    source: `${SEMVERS_TEST} TestSemverWithPrereleaseIdentifiers:101 (2.0.0-10 is not kept)`,
    constraints: '<2.0.0',
    versions: ['2.0.0-10', '0.1.0'],
    prereleases: { identifiers: ['alpha', 'rc'] },
    expected: { version: '0.1.0' },
  },
  {
    source: `${SEMVERS_TEST} TestSemverWithBuildMetadata:122`,
    constraints: '<1.1.0',
    versions: [
      '1.0.0',
      '1.0.0+1',
      '1.0.0+2',
      '1.0.0+ab1',
      '1.0.0+z1',
      '1.0.0+ab1.foo',
      '1.0.0-pre+foo',
      '1.1.0',
      '1.1.0+aaaa',
      '2.0.0',
    ],
    expected: { version: '1.0.0+z1' },
  },
  {
    source: `${SEMVERS_TEST} TestSemverWithBuildMetadataAndConstraint:150`,
    constraints: '>1.0.0+ab1.foo',
    versions: [
      '1.0.0',
      '1.0.0+1',
      '1.0.0+2',
      '1.0.0+ab1',
      '1.0.0+z1',
      '1.0.0+ab1.foo',
      '1.0.0-pre+foo',
    ],
    expected: { version: '1.0.0+z1' },
  },
  {
    source: `${SEMVERS_TEST} TestHighestVersionWithConstraints:165 (an additional check)`,
    constraints: '>0.1.0',
    versions: ['2.0.3', '0.0.1', '0.3.1', '0.3.0', '2.0.0', '2.3.0', '0.0.1'],
    kappControllerCheckFails: ['2.0.3', '0.3.1', '0.3.0', '2.3.0'],
    expected: { version: '2.0.0' },
  },
  {
    source: `${SEMVERS_TEST} TestHighestVersionWithConstraints:187 (the check's step is named)`,
    constraints: '>2.1.0',
    versions: ['2.0.3', '0.0.1', '0.3.1', '0.3.0', '2.0.0', '2.3.0', '0.0.1'],
    kappControllerCheckFails: ['2.0.3', '0.3.1', '0.3.0', '2.3.0'],
    expected: noVersion(7, 7, 3, 0),
  },
];

const PACKAGE_INSTALL_TEST = `${KAPP_CONTROLLER} pkg/packageinstall/packageinstall_test.go`;
const PACKAGE = 'pkg.test.carvel.dev';
const withKubernetesCheck = (counts: number[]) => ({
  error: `Expected to find at least one version, but did not (details: all=${counts[0]} -> after-prereleases-filter=${counts[1]} -> after-kubernetes-version-check=${counts[2]} -> after-kapp-controller-version-check=${counts[3]} -> after-constraints-filter=${counts[4]})`,
});

/** kapp-controller's tests of referencedPkgVersion (packageinstall.go:282). */
const packageInstallRows: ConformanceRow[] = [
  {
    source: `${PACKAGE_INSTALL_TEST} Test_PackageRefWithPrerelease_IsFound:32`,
    constraints: '3.0.0-rc.1',
    versions: ['3.0.0-rc.1'],
    prereleases: { identifiers: ['rc'] },
    expected: { version: '3.0.0-rc.1' },
  },
  {
    source: `${PACKAGE_INSTALL_TEST} Test_PackageRefWithPrerelease_DoesNotRequirePrereleaseMarker:247`,
    constraints: '3.0.0-rc.1',
    versions: ['3.0.0-rc.1'],
    expected: { version: '3.0.0-rc.1' },
  },
  {
    source: `${PACKAGE_INSTALL_TEST} Test_PackageWithConstraints:116 (all constraints met)`,
    constraints: '0.0.0',
    versions: ['0.0.0'],
    kubernetesCheckFails: [],
    expected: { version: '0.0.0' },
  },
  {
    source: `${PACKAGE_INSTALL_TEST} Test_PackageWithConstraints:121 (kapp-controller version check fails)`,
    constraints: '0.0.0',
    versions: ['0.0.0'],
    kubernetesCheckFails: [],
    kappControllerCheckFails: ['0.0.0'],
    expected: withKubernetesCheck([1, 1, 1, 0, 0]),
  },
  {
    source: `${PACKAGE_INSTALL_TEST} Test_PackageWithConstraints:135 (kubernetes version check fails)`,
    constraints: '0.0.0',
    versions: ['0.0.0'],
    kubernetesCheckFails: ['0.0.0'],
    expected: withKubernetesCheck([1, 1, 0, 0, 0]),
  },
  {
    source: `${PACKAGE_INSTALL_TEST} Test_Package_NotFound:148 (no Package in the namespace)`,
    constraints: '0.0.0',
    versions: [],
    packageName: PACKAGE,
    expected: { error: `Package ${PACKAGE} not found` },
  },
  {
    source: `${KAPP_CONTROLLER} pkg/packageinstall/packageinstall.go:297-314 (other Packages in the namespace, none of this refName)`,
    constraints: '0.0.0',
    versions: [],
    packageName: PACKAGE,
    namespaceHasPackages: true,
    expected: noVersion(0, 0, 0, 0),
  },
  {
    source: `${PACKAGE_INSTALL_TEST} Test_Package_ConstraintNotGiven_ErrorDoesNotContainMessage:179`,
    constraints: '0.0.0',
    versions: ['0.0.0'],
    kappControllerCheckFails: ['0.0.0'],
    expected: noVersion(1, 1, 0, 0),
  },
  {
    source: `${PACKAGE_INSTALL_TEST} Test_PackageWithConstraints_HighestMatch:212`,
    constraints: '>0.0.0',
    versions: ['0.4.0', '0.5.0', '1.4.1'],
    kubernetesCheckFails: [],
    kappControllerCheckFails: ['1.4.1'],
    expected: { version: '0.5.0' },
  },
];

export const kappControllerRows: ConformanceRow[] = [
  ...vendirRows,
  ...packageInstallRows,
];
