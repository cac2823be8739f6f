import { chooseVersion, constraintMode } from './chosenVersion';

const versions = [
  { version: '2.0.0-rc.1', clusters: [] },
  {
    version: '1.4.0',
    releasedAt: '2026-11-01T00:00:00Z',
    clusters: ['staging'],
  },
  { version: '1.2.3', clusters: ['prod'] },
  { version: '0.9.0', clusters: [] },
];

describe('chooseVersion', () => {
  it('takes the highest version the range admits, leaving prereleases out like kapp-controller', () => {
    expect(
      chooseVersion('app.default.tap', '>=1.0.0 <2.0.0', versions),
    ).toEqual({
      details: versions[1],
    });
    expect(
      chooseVersion('app.default.tap', '>=0.0.0', versions).details?.version,
    ).toBe('1.4.0');
    expect(
      chooseVersion('app.default.tap', '<1.0.0', versions).details?.version,
    ).toBe('0.9.0');
  });

  it('takes a pinned version, a pinned prerelease included', () => {
    expect(
      chooseVersion('app.default.tap', '1.2.3', versions).details?.version,
    ).toBe('1.2.3');
    expect(
      chooseVersion('app.default.tap', '2.0.0-rc.1', versions).details?.version,
    ).toBe('2.0.0-rc.1');
  });

  it("says kapp-controller's reason when nothing matches or the constraint does not parse", () => {
    expect(chooseVersion('app.default.tap', '>=3.0.0', versions)).toEqual({
      reason: expect.stringMatching(/^Expected to find at least one version/),
    });
    expect(chooseVersion('app.default.tap', '>=x', versions)).toEqual({
      reason: expect.stringMatching(/Parsing version constraint '>=x'/),
    });
    expect(chooseVersion('app.default.tap', '>=0.0.0', [])).toEqual({
      reason: 'Package app.default.tap not found',
    });
  });
});

describe('constraintMode', () => {
  it('is pin for exactly one known version, range otherwise', () => {
    expect(constraintMode('1.2.3', versions)).toBe('pin');
    expect(constraintMode('1.2.4', versions)).toBe('range');
    expect(constraintMode('>=1.2.3', versions)).toBe('range');
    expect(constraintMode(undefined, versions)).toBe('range');
  });
});
