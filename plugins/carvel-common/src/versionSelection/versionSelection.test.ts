import { compareVersions, sortVersions } from './semver';
import { describeAvailableUpdate, newestVersion, selectVersion } from './selectVersion';
import { parseVersionConstraints } from './versionRange';

const TAP = ['20230321004057.0.0', '20230502101500.0.0', '20230612143000.0.0'];
const MIXED = ['1.0.0', '1.1.0', '1.2.0-rc.1', '1.2.0', '2.0.0-rc.1', '2.0.0-beta.2', 'not-a-version'];

describe('selectVersion', () => {
  it.each<[string, string | undefined, string[], object | undefined, string]>([
    ['>=0.0.0 takes the newest release', '>=0.0.0', MIXED, undefined, '1.2.0'],
    ['no constraint takes the newest release', undefined, MIXED, undefined, '1.2.0'],
    ['empty constraint takes the newest release', '', MIXED, undefined, '1.2.0'],
    ['prereleases {} keeps all and treats them as versions', '>=1.0.0', MIXED, { prereleases: {} }, '2.0.0-rc.1'],
    ['prerelease identifiers keep only those', '>=1.0.0', MIXED, { prereleases: { identifiers: ['beta'] } }, '2.0.0-beta.2'],
    ['identifiers still keep releases', '<=1.1.0', MIXED, { prereleases: { identifiers: ['rc'] } }, '1.1.0'],
    ['an exact prerelease enables prereleases', '1.2.0-rc.1', MIXED, undefined, '1.2.0-rc.1'],
    ['exact pin', '1.1.0', MIXED, undefined, '1.1.0'],
    ['exact pin with =', '=1.1.0', MIXED, undefined, '1.1.0'],
    ['exact pin with ==', '==1.1.0', MIXED, undefined, '1.1.0'],
    ['pin with the full build string', '20230518150903.0.0+build.6db88c7', ['20230518150903.0.0+build.6db88c7'], undefined, '20230518150903.0.0+build.6db88c7'],
    ['AND with a space', '>=1.0.0 <1.2.0', MIXED, undefined, '1.1.0'],
    ['OR', '1.0.0 || >=3.0.0', MIXED, undefined, '1.0.0'],
    ['OR binds looser than AND', '>=1.0.0 <1.1.0 || 1.2.0', MIXED, undefined, '1.2.0'],
    ['!= excludes', '!=1.2.0', MIXED, undefined, '1.1.0'],
    ['! excludes', '!1.2.0', MIXED, undefined, '1.1.0'],
    ['wildcard 1.x', '1.x', [...MIXED, '2.1.0'], undefined, '1.2.0'],
    ['wildcard 1.1.x', '1.1.x', ['1.1.0', '1.1.9', '1.2.0'], undefined, '1.1.9'],
    ['wildcard >1.x', '>1.x', ['1.9.0', '2.0.0', '3.1.0'], undefined, '3.1.0'],
    ['wildcard <=1.x', '<=1.x', ['1.9.0', '2.0.0'], undefined, '1.9.0'],
    ['wildcard <1.x', '<1.x', ['0.9.0', '1.0.0'], undefined, '0.9.0'],
    ['whitespace after the operator', '>= 1.1.0 < 1.2.0', MIXED, undefined, '1.1.0'],
    ['TAP timestamps: newest', '>=0.0.0', TAP, undefined, '20230612143000.0.0'],
    ['TAP timestamps: pinned', '20230321004057.0.0', TAP, undefined, '20230321004057.0.0'],
    ['TAP timestamps beat small majors numerically', '>=0.0.0', ['9.0.0', '20230321004057.0.0', '10.0.0'], undefined, '20230321004057.0.0'],
    ['v-prefixed candidates are read relaxed', '>=1.0.0', ['v1.3.0', '1.2.0'], undefined, 'v1.3.0'],
    ['build metadata orders versions', '>=1.0.0', ['1.0.0', '1.0.0+b', '1.0.0+a'], undefined, '1.0.0+b'],
  ])('%s', (_name, constraints, versions, options, expected) => {
    expect(selectVersion(constraints, versions, options as any)).toEqual({ version: expected });
  });

  it.each<[string, string | undefined, string[], object | undefined, string | RegExp]>([
    ['>=0.0.0 never picks a prerelease by default', '>=2.0.0-alpha', MIXED, undefined, /after-prereleases-filter=3 -> after-constraints-filter=0/],
    ['exact pin does not match build metadata', '20230518150903.0.0', ['20230518150903.0.0+build.6db88c7'], undefined, /after-constraints-filter=0/],
    ['nothing matches', '>=3.0.0', MIXED, undefined, 'Expected to find at least one version, but did not (details: all=6 -> after-prereleases-filter=3 -> after-constraints-filter=0)'],
    ['no versions', '>=0.0.0', [], { packageName: 'app.default.tap' }, 'Package app.default.tap not found'],
    ['only unparseable versions', '>=0.0.0', ['latest'], { packageName: 'x.y.z' }, 'Package x.y.z not found'],
    ['^ is not supported', '^1.0.0', MIXED, undefined, `Selecting versions: Parsing version constraint '^1.0.0': Could not parse comparator "^" in "^1.0.0"`],
    ['~ is not supported', '~1.0.0', MIXED, undefined, /Could not parse comparator "~"/],
    ['v prefix is not supported', '>v1.5.3', MIXED, undefined, /Could not parse comparator ">v" in ">v1.5.3"/],
    ['partial versions are not supported', '>=1.0', MIXED, undefined, /Could not parse Range ">=1.0": No Major.Minor.Patch elements found/],
    ['commas are not supported', '>=1.0.0,<2.0.0', MIXED, undefined, /Could not parse Range/],
    ['a dangling OR', '1.0.0 ||', MIXED, undefined, /Empty OR part/],
    ['no version at all', '>=', MIXED, undefined, /Could not get version from string/],
    ['a hyphen range silently becomes an impossible AND (as in blang)', '1.0.0 - 1.1.0', MIXED, undefined, /after-constraints-filter=0/],
  ])('%s', (_name, constraints, versions, options, expected) => {
    const result = selectVersion(constraints, versions, options as any);
    expect(result.version).toBeUndefined();
    expect(result.reason).toMatch(expected);
  });
});

describe('compareVersions and sortVersions', () => {
  it('orders like kapp-controller', () => {
    expect(
      sortVersions(['1.0.0+b', '20230321004057.0.0', '1.0.0', '1.0.0-rc.1', '1.0.0-rc.10', '1.0.0-rc.2', '1.0.0-alpha', '1.0.0+a', '9.0.0']),
    ).toEqual(['1.0.0-alpha', '1.0.0-rc.1', '1.0.0-rc.2', '1.0.0-rc.10', '1.0.0', '1.0.0+a', '1.0.0+b', '9.0.0', '20230321004057.0.0']);
  });

  it('puts invalid versions first', () => {
    expect(compareVersions('latest', '0.0.1')).toBeLessThan(0);
    expect(compareVersions('1.0.0', '01.0.0')).toBeGreaterThan(0);
  });
});

describe('parseVersionConstraints', () => {
  it('accepts what kapp-controller accepts', () => {
    for (const c of ['>=0.0.0', '1.0.0', '>1.0.0 <2.0.0 || 3.x', '!=1.0.0', '>= 1.0.0']) {
      expect(parseVersionConstraints(c).ok).toBe(true);
    }
  });
});

describe('describeAvailableUpdate', () => {
  it('reports an update a pinned constraint does not take', () => {
    expect(describeAvailableUpdate({ constraints: TAP[0], installedVersion: TAP[0], versions: TAP })).toEqual({
      latestVersion: TAP[2],
      updateAvailable: true,
      takenByConstraints: false,
    });
  });

  it('reports an update the constraint takes (kapp-controller is moving there)', () => {
    expect(describeAvailableUpdate({ constraints: '>=0.0.0', installedVersion: TAP[1], versions: TAP })).toEqual({
      latestVersion: TAP[2],
      updateAvailable: true,
      takenByConstraints: true,
    });
  });

  it('reports nothing when the newest runs', () => {
    expect(describeAvailableUpdate({ constraints: '>=0.0.0', installedVersion: TAP[2], versions: TAP })).toEqual({
      latestVersion: TAP[2],
      updateAvailable: false,
      takenByConstraints: false,
    });
  });

  it('ignores prereleases unless asked', () => {
    expect(newestVersion(['1.0.0', '2.0.0-rc.1'])).toBe('1.0.0');
    expect(newestVersion(['1.0.0', '2.0.0-rc.1'], { prereleases: {} })).toBe('2.0.0-rc.1');
  });
});
