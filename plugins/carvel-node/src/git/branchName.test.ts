import { checkBranchName } from './branchName';

describe('checkBranchName', () => {
  it.each(['main', 'carvel/deliver-app', 'release-1.2', 'x_y'])(
    'accepts %s',
    async name => {
      expect(await checkBranchName(name, 'branch')).toBeUndefined();
    },
  );

  it.each([
    '-f',
    '--upload-pack=evil',
    'a..b',
    'a b',
    'x.lock',
    'a~1',
    'a^',
    'a:b',
    'HEAD',
    '@',
    '@{-1}',
    'a/',
    '/a',
    '',
    'x'.repeat(256),
    42,
    undefined,
  ])('refuses %j', async name => {
    expect(await checkBranchName(name, 'branch')).toMatch(
      /^branch must be a branch name/,
    );
  });
});
