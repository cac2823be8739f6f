import { describeAvailableUpdate } from './describeAvailableUpdate';
import { newestVersion, type SelectVersionOptions } from './selectVersion';

const TAP_VERSIONS = [
  '20230321004057.0.0',
  '20230405120000.0.0',
  '20230418093015.0.0',
];

describe('newestVersion', () => {
  it.each<[string[], SelectVersionOptions | undefined, string | undefined]>([
    [TAP_VERSIONS, undefined, '20230418093015.0.0'],
    [['1.0.0', '1.1.0-rc.1'], undefined, '1.0.0'],
    [['1.0.0', '1.1.0-rc.1'], { prereleases: {} }, '1.1.0-rc.1'],
    [['2.0.0-rc.1'], undefined, undefined],
    [[], undefined, undefined],
  ])('newest of %j (%j) is %s', (versions, options, expected) => {
    expect(newestVersion(versions, options)).toBe(expected);
  });
});

describe('describeAvailableUpdate', () => {
  it.each([
    [
      'pinned to an older version',
      {
        constraints: '20230405120000.0.0',
        installedVersion: '20230405120000.0.0',
        versions: TAP_VERSIONS,
      },
      {
        latestVersion: '20230418093015.0.0',
        updateAvailable: true,
        takenByConstraints: false,
      },
    ],
    [
      'following >=0.0.0, newer version being rolled out',
      {
        constraints: '>=0.0.0',
        installedVersion: '20230405120000.0.0',
        versions: TAP_VERSIONS,
      },
      {
        latestVersion: '20230418093015.0.0',
        updateAvailable: true,
        takenByConstraints: true,
      },
    ],
    [
      'up to date',
      {
        constraints: '>=0.0.0',
        installedVersion: '20230418093015.0.0',
        versions: TAP_VERSIONS,
      },
      {
        latestVersion: '20230418093015.0.0',
        updateAvailable: false,
        takenByConstraints: true,
      },
    ],
    [
      'a newer prerelease is not an update by default',
      {
        constraints: '>=0.0.0',
        installedVersion: '1.0.0',
        versions: ['1.0.0', '1.1.0-rc.1'],
      },
      {
        latestVersion: '1.0.0',
        updateAvailable: false,
        takenByConstraints: true,
      },
    ],
    [
      'prereleases admitted',
      {
        constraints: '>=0.0.0',
        installedVersion: '1.0.0',
        versions: ['1.0.0', '1.1.0-rc.1'],
        prereleases: {},
      },
      {
        latestVersion: '1.1.0-rc.1',
        updateAvailable: true,
        takenByConstraints: true,
      },
    ],
    [
      'a build of the installed version is newer',
      {
        constraints: '20230518150903.0.0',
        installedVersion: '20230518150903.0.0',
        versions: ['20230518150903.0.0', '20230518150903.0.0+build.6db88c7'],
      },
      {
        latestVersion: '20230518150903.0.0+build.6db88c7',
        updateAvailable: true,
        takenByConstraints: false,
      },
    ],
    [
      'nothing installed yet',
      { constraints: '>=0.0.0', versions: TAP_VERSIONS },
      {
        latestVersion: '20230418093015.0.0',
        updateAvailable: false,
        takenByConstraints: true,
      },
    ],
    [
      'broken constraints never take the latest',
      {
        constraints: '^1.0.0',
        installedVersion: '1.0.0',
        versions: ['1.0.0', '1.1.0'],
      },
      {
        latestVersion: '1.1.0',
        updateAvailable: true,
        takenByConstraints: false,
      },
    ],
    [
      'no versions on the cluster',
      { constraints: '>=0.0.0', installedVersion: '1.0.0', versions: [] },
      { updateAvailable: false, takenByConstraints: false },
    ],
  ])('%s', (_, input, expected) => {
    expect(describeAvailableUpdate(input)).toEqual(expected);
  });
});
