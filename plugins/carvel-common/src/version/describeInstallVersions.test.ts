import { describeInstallVersions } from './describeInstallVersions';

const versions = ['1.0.0', '1.1.0', '2.0.0'];

describe('describeInstallVersions', () => {
  it('offers a newer version the constraints hold back', () => {
    expect(
      describeInstallVersions({
        version: '1.1.0',
        constraints: '1.1.0',
        versions,
      }),
    ).toEqual({ latestVersion: '2.0.0', availableUpdate: '2.0.0' });
  });

  it('offers nothing when the constraints already take the newest version', () => {
    expect(
      describeInstallVersions({
        version: '1.1.0',
        constraints: '>=1.0.0',
        versions,
      }),
    ).toEqual({ latestVersion: '2.0.0' });
  });

  it('offers nothing without a running version or on the newest one', () => {
    expect(describeInstallVersions({ constraints: '1.0.0', versions })).toEqual(
      { latestVersion: '2.0.0' },
    );
    expect(
      describeInstallVersions({
        version: '2.0.0',
        constraints: '2.0.0',
        versions,
      }).availableUpdate,
    ).toBeUndefined();
  });

  it('keeps the last attempted version only when it is neither running nor deploying', () => {
    const attempted = (facts: {
      version?: string;
      deployingVersion?: string;
    }) =>
      describeInstallVersions({
        ...facts,
        lastAttemptedVersion: '2.0.0',
        versions,
      }).lastAttemptedVersion;
    expect(attempted({ version: '1.0.0' })).toBe('2.0.0');
    expect(attempted({ version: '2.0.0' })).toBeUndefined();
    expect(
      attempted({ version: '1.0.0', deployingVersion: '2.0.0' }),
    ).toBeUndefined();
  });

  it('knows no latest version on a cluster without Package objects', () => {
    expect(describeInstallVersions({ version: '1.0.0', versions: [] })).toEqual(
      {},
    );
  });
});
