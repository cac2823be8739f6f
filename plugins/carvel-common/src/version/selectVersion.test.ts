import { selectVersion, type SelectVersionOptions } from './selectVersion';

const TAP_VERSIONS = [
  '20230321004057.0.0',
  '20230405120000.0.0',
  '20230418093015.0.0',
];
const notFound = (details: string) =>
  `Expected to find at least one version, but did not (details: ${details})`;

describe('selectVersion', () => {
  it.each<
    [
      string,
      string | undefined,
      string[],
      SelectVersionOptions | undefined,
      string,
    ]
  >([
    [
      '>=0.0.0 follows the newest TAP push',
      '>=0.0.0',
      TAP_VERSIONS,
      undefined,
      '20230418093015.0.0',
    ],
    [
      'timestamps compare as numbers',
      '>=0.0.0',
      ['20230321004057.0.0', '9.0.0'],
      undefined,
      '20230321004057.0.0',
    ],
    [
      '>=0.0.0 never picks a prerelease',
      '>=0.0.0',
      ['1.0.0', '2.0.0-rc.1'],
      undefined,
      '1.0.0',
    ],
    [
      'prereleases: {} keeps them all',
      '>=0.0.0',
      ['1.0.0', '2.0.0-rc.1'],
      { prereleases: {} },
      '2.0.0-rc.1',
    ],
    [
      'prereleases: {} lets >=1.0.0 match 2.0.0-rc.1',
      '>=1.0.0',
      ['1.0.0', '2.0.0-rc.1'],
      { prereleases: {} },
      '2.0.0-rc.1',
    ],
    [
      'identifiers [] behaves like {}',
      undefined,
      ['1.0.0', '2.0.0-rc.1'],
      { prereleases: { identifiers: [] } },
      '2.0.0-rc.1',
    ],
    [
      'identifiers [rc] keep rc prereleases',
      undefined,
      ['1.0.0', '2.0.0-rc.1', '2.1.0-beta.1'],
      { prereleases: { identifiers: ['rc'] } },
      '2.0.0-rc.1',
    ],
    [
      'identifiers [beta] keep beta prereleases',
      undefined,
      ['1.0.0', '2.0.0-rc.1', '2.1.0-beta.1'],
      { prereleases: { identifiers: ['beta'] } },
      '2.1.0-beta.1',
    ],
    [
      'identifiers must equal a whole identifier',
      undefined,
      ['1.0.0', '2.0.0-rc1'],
      { prereleases: { identifiers: ['rc'] } },
      '1.0.0',
    ],
    [
      'an exact pin selects that version',
      '20230405120000.0.0',
      TAP_VERSIONS,
      undefined,
      '20230405120000.0.0',
    ],
    [
      'an exact pin with +build selects the build',
      '20230518150903.0.0+build.6db88c7',
      ['20230518150903.0.0+build.6db88c7'],
      undefined,
      '20230518150903.0.0+build.6db88c7',
    ],
    [
      'build metadata ranks above the plain version',
      '>=20230518150903.0.0',
      ['20230518150903.0.0+build.6db88c7', '20230518150903.0.0'],
      undefined,
      '20230518150903.0.0+build.6db88c7',
    ],
    [
      'an exact prerelease pin enables prereleases',
      '2.0.0-rc.1',
      ['1.0.0', '2.0.0-rc.1', '2.0.0-rc.2'],
      undefined,
      '2.0.0-rc.1',
    ],
    [
      '1.x picks the highest 1.*',
      '1.x',
      ['1.0.0', '1.9.0', '2.0.0'],
      undefined,
      '1.9.0',
    ],
    [
      '1.2.x picks the highest 1.2.*',
      '1.2.x',
      ['1.2.0', '1.2.7', '1.3.0'],
      undefined,
      '1.2.7',
    ],
    [
      '>1.x means 2.0.0 and up',
      '>1.x',
      ['1.9.0', '2.0.0', '2.1.0'],
      undefined,
      '2.1.0',
    ],
    [
      'OR of two ranges',
      '<2.0.0 || >=3.0.0 <3.1.0',
      ['1.5.0', '2.5.0', '3.0.5', '3.1.0'],
      undefined,
      '3.0.5',
    ],
    [
      'AND of two comparators',
      '>=1.0.0 <2.0.0',
      ['0.9.0', '1.9.0', '2.0.0'],
      undefined,
      '1.9.0',
    ],
    ['!= skips one version', '!=1.9.0', ['1.8.0', '1.9.0'], undefined, '1.8.0'],
    [
      'no constraints = highest release',
      undefined,
      ['1.0.0', '1.1.0', '2.0.0-rc.1'],
      undefined,
      '1.1.0',
    ],
    [
      'empty constraints = highest release',
      '',
      ['1.0.0', '1.1.0'],
      undefined,
      '1.1.0',
    ],
    [
      'unparseable versions are dropped, the original text returned',
      '>=1.0.0',
      ['latest', 'v2.0.0', '1.0'],
      undefined,
      'v2.0.0',
    ],
  ])('%s', (_, constraints, versions, options, expected) => {
    expect(selectVersion(constraints, versions, options)).toEqual({
      version: expected,
    });
  });

  it.each<
    [
      string,
      string | undefined,
      string[],
      SelectVersionOptions | undefined,
      string,
    ]
  >([
    [
      'a pin without +build does not match the build',
      '20230518150903.0.0',
      ['20230518150903.0.0+build.6db88c7'],
      undefined,
      notFound(
        'all=1 -> after-prereleases-filter=1 -> after-kapp-controller-version-check=1 -> after-constraints-filter=0',
      ),
    ],
    [
      'a pinned version that is not on the cluster',
      '20230501080000.0.0',
      TAP_VERSIONS,
      undefined,
      notFound(
        'all=3 -> after-prereleases-filter=3 -> after-kapp-controller-version-check=3 -> after-constraints-filter=0',
      ),
    ],
    [
      '=prerelease does not enable prereleases',
      '=2.0.0-rc.1',
      ['1.0.0', '2.0.0-rc.1'],
      undefined,
      notFound(
        'all=2 -> after-prereleases-filter=1 -> after-kapp-controller-version-check=1 -> after-constraints-filter=0',
      ),
    ],
    [
      'only prereleases, none admitted',
      undefined,
      ['2.0.0-rc.1'],
      undefined,
      notFound(
        'all=1 -> after-prereleases-filter=0 -> after-kapp-controller-version-check=0',
      ),
    ],
    [
      'nothing parseable',
      '>=0.0.0',
      ['latest'],
      undefined,
      notFound(
        'all=0 -> after-prereleases-filter=0 -> after-kapp-controller-version-check=0 -> after-constraints-filter=0',
      ),
    ],
    [
      'no Package at all in the namespace',
      '>=0.0.0',
      [],
      { packageName: 'hello-app.default.tap' },
      'Package hello-app.default.tap not found',
    ],
    [
      'other Packages in the namespace but none of this refName',
      '>=0.0.0',
      [],
      { packageName: 'hello-app.default.tap', namespaceHasPackages: true },
      notFound(
        'all=0 -> after-prereleases-filter=0 -> after-kapp-controller-version-check=0 -> after-constraints-filter=0',
      ),
    ],
    [
      "a Package-level kubernetes check adds its step before kapp-controller's",
      '>=1.0.0',
      ['1.0.0', '2.0.0'],
      {
        kubernetesVersionCheck: version => version === '1.0.0',
        kappControllerVersionCheck: version => version === '2.0.0',
      },
      notFound(
        'all=2 -> after-prereleases-filter=2 -> after-kubernetes-version-check=1 -> after-kapp-controller-version-check=0 -> after-constraints-filter=0',
      ),
    ],
    [
      'caret constraint',
      '^20230405120000.0.0',
      TAP_VERSIONS,
      undefined,
      `Selecting versions: Parsing version constraint '^20230405120000.0.0': Could not parse Range "^20230405120000.0.0": Could not parse comparator "^" in "^20230405120000.0.0"`,
    ],
    [
      'v prefix in a constraint',
      '>v1.5.3',
      ['1.5.4'],
      undefined,
      `Selecting versions: Parsing version constraint '>v1.5.3': Could not parse Range ">v1.5.3": Could not parse comparator ">v" in ">v1.5.3"`,
    ],
    [
      'two-part version in a constraint',
      '>=1.0',
      ['1.5.4'],
      undefined,
      `Selecting versions: Parsing version constraint '>=1.0': Could not parse Range ">=1.0": Could not parse version "1.0" in ">=1.0": No Major.Minor.Patch elements found`,
    ],
  ])('explains: %s', (_, constraints, versions, options, reason) => {
    expect(selectVersion(constraints, versions, options)).toEqual({ reason });
  });
});
