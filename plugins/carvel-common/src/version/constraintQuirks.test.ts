import {
  describeConstraintNote,
  describeConstraintQuirks,
} from './constraintQuirks';

const kinds = (...args: Parameters<typeof describeConstraintQuirks>) =>
  describeConstraintQuirks(...args).map(q => [q.kind, q.confusing]);

describe('describeConstraintQuirks', () => {
  it('has nothing to say about plain constraints or ones kapp-controller refuses', () => {
    expect(describeConstraintQuirks('>=1.0.0', { prereleases: null })).toEqual(
      [],
    );
    expect(describeConstraintQuirks('1.2.3')).toEqual([]);
    expect(describeConstraintQuirks('~1.0.0')).toEqual([]);
    expect(describeConstraintQuirks('>=1.0.0-xyz')).toEqual([]);
  });

  it('says how a dropped one-character token changes the reading', () => {
    expect(describeConstraintQuirks('1.0.0 - 2.0.0')).toEqual([
      {
        kind: 'dropped-token',
        confusing: true,
        message:
          'kapp-controller drops the one-character token "-" and reads "1.0.0 - 2.0.0" as "1.0.0 2.0.0" (space-separated comparators all apply)',
      },
    ]);
    expect(kinds('! 1.0.0')).toEqual([['dropped-token', true]]);
    expect(kinds('>=1.0.0 , <2.0.0', { prereleases: null })).toEqual([
      ['dropped-token', true],
    ]);
  });

  it('names the version a wildcard with an unknown operator selects', () => {
    expect(describeConstraintQuirks('~1.2.x')).toEqual([
      {
        kind: 'dropped-operator',
        confusing: true,
        message:
          'kapp-controller ignores the operator "~" of the wildcard "~1.2.x": it selects exactly 1.2.0',
      },
    ]);
    expect(kinds('^1.x')).toEqual([['dropped-operator', true]]);
  });

  it('refuses a negated wildcard and an empty alternative as confusing', () => {
    expect(kinds('!=1.x', { prereleases: null })).toEqual([
      ['negated-wildcard', true],
    ]);
    expect(kinds('>=1.0.0 || || 2.0.0')).toEqual([['empty-alternative', true]]);
  });

  it('warns that 1.x.x is 1.0.x', () => {
    expect(describeConstraintQuirks('1.x.x', { prereleases: null })).toEqual([
      {
        kind: 'double-wildcard',
        confusing: false,
        message:
          'kapp-controller reads "1.x.x" as "1.0.x": only 1.0.* versions',
      },
    ]);
  });

  it('warns that 1.x takes 2.0.0 prereleases when prereleases are or may be on', () => {
    expect(describeConstraintQuirks('1.x', { prereleases: {} })).toEqual([
      {
        kind: 'prerelease-bound',
        confusing: false,
        message:
          'kapp-controller\'s "<2.0.0" admits 2.0.0 prereleases (e.g. 2.0.0-rc.1), and a wildcard starts at its .0 release, not at its prereleases',
      },
    ]);
    expect(describeConstraintQuirks('>=1.0.0 <2.0.0')[0].message).toBe(
      'if prereleases are enabled, kapp-controller\'s "<2.0.0" admits 2.0.0 prereleases (e.g. 2.0.0-rc.1)',
    );
    expect(describeConstraintQuirks('1.x', { prereleases: null })).toEqual([]);
  });

  it('warns that =X-rc.1 does not turn prereleases on', () => {
    expect(kinds('=2.0.0-rc.1', { prereleases: null })).toEqual([
      ['prerelease-pin-with-operator', false],
    ]);
    expect(kinds('=2.0.0-rc.1', { prereleases: {} })).toEqual([]);
    expect(kinds('2.0.0-rc.1', { prereleases: null })).toEqual([]);
  });

  it('warns when an exact version misses the same version with build metadata', () => {
    expect(
      describeConstraintQuirks('1.0.0', {
        prereleases: null,
        versions: ['1.0.0+build.1', '0.9.0'],
      }),
    ).toEqual([
      {
        kind: 'build-metadata',
        confusing: false,
        message:
          'kapp-controller compares build metadata: "1.0.0" does not take 1.0.0+build.1',
      },
    ]);
    expect(
      kinds('>=1.0.0', { prereleases: null, versions: ['1.0.0+build.1'] }),
    ).toEqual([]);
  });
});

describe('describeConstraintNote', () => {
  it('joins what applies on the cluster, nothing for a plain constraint', () => {
    expect(
      describeConstraintNote('>=0.0.0', { prereleases: null }),
    ).toBeUndefined();
    expect(
      describeConstraintNote(undefined, { prereleases: null }),
    ).toBeUndefined();
    expect(
      describeConstraintNote('1.x', { prereleases: null }),
    ).toBeUndefined();
    expect(
      describeConstraintNote('~1.x || 1.x', {
        prereleases: { identifiers: ['rc'] },
      }),
    ).toBe(
      'kapp-controller ignores the operator "~" of the wildcard "~1.x": it selects exactly 1.0.0; ' +
        'kapp-controller\'s "<2.0.0" admits 2.0.0 prereleases (e.g. 2.0.0-rc.1), and a wildcard starts at its .0 release, not at its prereleases',
    );
  });
});
