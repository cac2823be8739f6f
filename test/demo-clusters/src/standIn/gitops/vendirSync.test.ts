import {
  fetchedCommitFromLock,
  readVendirLock,
} from '@carvel-gitops/plugin-carvel-common';
import { vendirCommitTitle, vendirSync } from './vendirSync';

const SHA = '3f786850e387550fdab836ed7e6dc881de23001b';
const gitFetch = (subPath: string) => ({
  git: {
    url: 'https://github.com/example-org/gitops.git',
    ref: 'origin/main',
    subPath,
  },
});

describe('vendirSync', () => {
  it('prints the lock config vendir prints for the generated App: one directory per fetch, named by index', () => {
    const result = vendirSync(
      [
        gitFetch('app.default.tap/packages'),
        gitFetch('app.default.tap/staging'),
      ],
      {
        sha: SHA,
        message: 'Install app.default.tap on staging\n\nWith values',
      },
    );
    // Shape of vendir pkg/vendir/config/lock_config.go:18-22 and lock_directory.go:8-33 at 58ff583
    // (commitTitle always written, tags omitted when empty), sorted as sigs.k8s.io/yaml writes it.
    expect(result).toEqual({
      exitCode: 0,
      stdout: `apiVersion: vendir.k14s.io/v1alpha1
directories:
- contents:
  - git:
      commitTitle: Install app.default.tap on staging...
      sha: ${SHA}
    path: .
  path: "0"
- contents:
  - git:
      commitTitle: Install app.default.tap on staging...
      sha: ${SHA}
    path: .
  path: "1"
kind: LockConfig
`,
    });
    expect(readVendirLock(result.stdout)).toEqual([
      { path: '0', gitCommit: SHA },
      { path: '1', gitCommit: SHA },
    ]);
    expect(fetchedCommitFromLock(result.stdout)).toBe(SHA);
  });

  it('names a directory by its fetch path, writes tags when git describe gave some, and inline sources without a commit', () => {
    const result = vendirSync(
      [{ ...gitFetch('x'), path: 'config' }, { inline: { paths: {} } }],
      { sha: SHA, message: 'title', tags: ['v1.0.0-2-g3f78685'] },
    );
    expect(result.stdout).toContain(
      '- contents:\n  - git:\n      commitTitle: title\n      sha: ' +
        `${SHA}\n      tags:\n      - v1.0.0-2-g3f78685\n    path: .\n  path: config\n`,
    );
    expect(result.stdout).toContain(
      '- contents:\n  - inline: {}\n    path: .\n  path: "1"\n',
    );
    expect(readVendirLock(result.stdout)).toEqual([
      { path: 'config', gitCommit: SHA },
      { path: '1' },
    ]);
  });

  it('fails as kapp-controller does without fetch options (pkg/app/app_fetch.go:23-25 at e4b4822)', () => {
    expect(vendirSync([], { sha: SHA, message: '' })).toEqual({
      exitCode: -1,
      error: 'Expected at least one fetch option',
    });
    expect(vendirSync(undefined, { sha: SHA, message: '' }).exitCode).toBe(-1);
  });

  it('fails a source the demo cannot fetch with vendir exit status 1, without a lock config', () => {
    const result = vendirSync([{ image: { url: 'registry/x' } }], {
      sha: SHA,
      message: '',
    });
    expect(result).toMatchObject({
      exitCode: 1,
      error:
        'Fetching resources: Error (see .status.usefulErrorMessage for details)',
    });
    expect(result.stderr).toMatch(/^vendir: Error: Syncing directory '0'/);
    expect(result.stdout).toBeUndefined();
  });
});

describe('vendirCommitTitle', () => {
  it('keeps the first line and marks a longer message with ... (vendir pkg/vendir/fetch/git/sync.go:73-79)', () => {
    expect(vendirCommitTitle('one line\n')).toBe('one line');
    expect(vendirCommitTitle('title\n\nbody')).toBe('title...');
    expect(vendirCommitTitle('')).toBe('');
  });
});
