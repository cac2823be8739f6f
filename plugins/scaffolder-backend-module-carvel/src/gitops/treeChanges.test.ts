import { conflictingPaths, indexInfoOf, parseRawDiff } from './treeChanges';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const Z = '0'.repeat(40);

describe('parseRawDiff', () => {
  it('reads added, modified, deleted and symlink entries', () => {
    const output = [
      `:000000 100644 ${Z} ${A} A`,
      'new file.yaml',
      `:100644 100644 ${A} ${B} M`,
      'app/prod/packageinstall.yaml',
      `:100644 000000 ${A} ${Z} D`,
      'gone.yaml',
      `:000000 120000 ${Z} ${B} A`,
      'link',
      '',
    ].join('\0');
    expect(parseRawDiff(output)).toEqual([
      { path: 'new file.yaml', after: { mode: '100644', oid: A } },
      {
        path: 'app/prod/packageinstall.yaml',
        after: { mode: '100644', oid: B },
      },
      { path: 'gone.yaml' },
      { path: 'link', after: { mode: '120000', oid: B } },
    ]);
  });

  it('reads empty output as no changes', () => {
    expect(parseRawDiff('')).toEqual([]);
  });
});

describe('conflictingPaths', () => {
  it('names paths changed on both sides to different results only', () => {
    const ours = [
      { path: 'same.yaml', after: { mode: '100644', oid: A } },
      { path: 'both.yaml', after: { mode: '100644', oid: A } },
      { path: 'deleted-by-us.yaml' },
      { path: 'only-ours.yaml', after: { mode: '100644', oid: A } },
      { path: 'mode.sh', after: { mode: '100755', oid: A } },
    ];
    const theirs = [
      { path: 'same.yaml', after: { mode: '100644', oid: A } },
      { path: 'both.yaml', after: { mode: '100644', oid: B } },
      { path: 'deleted-by-us.yaml', after: { mode: '100644', oid: B } },
      { path: 'only-theirs.yaml', after: { mode: '100644', oid: B } },
      { path: 'mode.sh', after: { mode: '100644', oid: A } },
    ];
    expect(conflictingPaths(ours, theirs)).toEqual([
      'both.yaml',
      'deleted-by-us.yaml',
      'mode.sh',
    ]);
  });
});

describe('indexInfoOf', () => {
  it('writes entries and removals', () => {
    expect(
      indexInfoOf([
        { path: 'a b', after: { mode: '100644', oid: A } },
        { path: 'c' },
      ]),
    ).toBe(`100644 ${A}\ta b\0` + `0 ${Z}\tc\0`);
  });
});
