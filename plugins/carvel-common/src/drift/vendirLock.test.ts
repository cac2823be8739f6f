import {
  fetchedCommitFromLock,
  MAX_VENDIR_LOCK_BYTES,
  readVendirLock,
} from './vendirLock';

const SHA_A = '3f786850e387550fdab836ed7e6dc881de23001b';
const SHA_B = '89e6c98d92887913cadf06b2adb97f26cde4849b';

const gitDirectory = (path: string, sha: string, title = 'Deliver app') =>
  [
    '- contents:',
    '  - git:',
    `      commitTitle: ${title}`,
    `      sha: ${sha}`,
    '    path: .',
    `  path: "${path}"`,
  ].join('\n');

const lock = (...directories: string[]) =>
  [
    'apiVersion: vendir.k14s.io/v1alpha1',
    'directories:',
    ...directories,
    'kind: LockConfig',
    '',
  ].join('\n');

describe('readVendirLock', () => {
  it('reads each directory of the lock config our two-fetch Apps get', () => {
    expect(
      readVendirLock(lock(gitDirectory('0', SHA_A), gitDirectory('1', SHA_B))),
    ).toEqual([
      { path: '0', gitCommit: SHA_A },
      { path: '1', gitCommit: SHA_B },
    ]);
  });

  it('keeps directories fetched from elsewhere without a commit', () => {
    const inline = [
      '- contents:',
      '  - inline: {}',
      '    path: .',
      '  path: "0"',
    ].join('\n');
    expect(readVendirLock(lock(inline))).toEqual([{ path: '0' }]);
  });

  it('reads tags, a quoted sha and Windows line ends', () => {
    const directory = [
      '- contents:',
      '  - git:',
      "      commitTitle: 'Pin app: 1.2.3'",
      `      sha: "${SHA_A}"`,
      '      tags:',
      '      - v1.2.3',
      '    path: .',
      '  path: "0"',
    ].join('\r\n');
    expect(readVendirLock(lock(directory).replace(/\n/g, '\r\n'))).toEqual([
      { path: '0', gitCommit: SHA_A },
    ]);
  });

  it('skips commit titles folded over lines or written as block text, even when they look like keys', () => {
    const directory = [
      '- contents:',
      '  - git:',
      "      commitTitle: 'a title long enough that the YAML writer folds it onto",
      `        sha: ${SHA_B}'`,
      `      sha: ${SHA_A}`,
      '    path: .',
      '  path: "0"',
      '- contents:',
      '  - git:',
      '      commitTitle: |-',
      '        first line',
      `        sha: ${SHA_B}`,
      `      sha: ${SHA_A}`,
      '    path: .',
      '  path: "1"',
    ].join('\n');
    expect(readVendirLock(lock(directory))).toEqual([
      { path: '0', gitCommit: SHA_A },
      { path: '1', gitCommit: SHA_A },
    ]);
  });

  it('reads a sha only where vendir writes it (directories[].contents[].git.sha)', () => {
    const elsewhere = [
      'apiVersion: vendir.k14s.io/v1alpha1',
      `sha: ${SHA_A}`,
      'directories:',
      '- contents:',
      '  - hg:',
      `      sha: ${SHA_B}`,
      '    path: .',
      '  path: "0"',
      'kind: LockConfig',
    ].join('\n');
    expect(readVendirLock(elsewhere)).toEqual([{ path: '0' }]);
  });

  it('ignores a sha that is not a full git object id', () => {
    expect(readVendirLock(lock(gitDirectory('0', 'HEAD; rm -rf /')))).toEqual([
      { path: '0' },
    ]);
    expect(readVendirLock(lock(gitDirectory('0', 'abc123')))).toEqual([
      { path: '0' },
    ]);
  });

  it('accepts SHA-256 object ids and lowercases them', () => {
    const sha256 = 'A'.repeat(64);
    expect(readVendirLock(lock(gitDirectory('0', sha256)))).toEqual([
      { path: '0', gitCommit: 'a'.repeat(64) },
    ]);
  });

  it('gives undefined for output that is not a lock config', () => {
    expect(readVendirLock('')).toBeUndefined();
    expect(readVendirLock(undefined)).toBeUndefined();
    expect(readVendirLock(42)).toBeUndefined();
    expect(
      readVendirLock(
        lock(gitDirectory('0', SHA_A)).replace('LockConfig', 'Config'),
      ),
    ).toBeUndefined();
    expect(readVendirLock('vendir: Error: Syncing directory')).toBeUndefined();
  });

  it('refuses input over the size bound, tab indentation and deep nesting', () => {
    const padded = `${lock(gitDirectory('0', SHA_A))}#${' '.repeat(
      MAX_VENDIR_LOCK_BYTES,
    )}`;
    expect(readVendirLock(padded)).toBeUndefined();
    expect(
      readVendirLock(
        lock(gitDirectory('0', SHA_A)).replace('  path: "0"', '\tpath: "0"'),
      ),
    ).toBeUndefined();
    const deep = Array.from(
      { length: 40 },
      (_, depth) => `${' '.repeat(depth * 2)}k${depth}:`,
    ).join('\n');
    expect(readVendirLock(`${deep}\nkind: LockConfig`)).toBeUndefined();
  });

  it('refuses more directories than any App has', () => {
    const many = Array.from({ length: 101 }, (_, i) =>
      gitDirectory(String(i), SHA_A),
    );
    expect(readVendirLock(lock(...many))).toBeUndefined();
    expect(readVendirLock(lock(...many.slice(0, 100)))).toHaveLength(100);
  });
});

describe('fetchedCommitFromLock', () => {
  it('is the commit every git directory fetched', () => {
    expect(
      fetchedCommitFromLock(
        lock(gitDirectory('0', SHA_A), gitDirectory('1', SHA_A)),
      ),
    ).toBe(SHA_A);
  });

  it('is unknown when the directories fetched different commits', () => {
    expect(
      fetchedCommitFromLock(
        lock(gitDirectory('0', SHA_A), gitDirectory('1', SHA_B)),
      ),
    ).toBeUndefined();
  });

  it('is unknown without a git directory or without a lock config', () => {
    expect(fetchedCommitFromLock(lock())).toBeUndefined();
    expect(fetchedCommitFromLock('not yaml at all: [')).toBeUndefined();
  });
});
