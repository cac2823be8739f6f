import fs from 'node:fs';
import path from 'node:path';
import { createWorkspace, readTree } from '../__testUtils__/workspace';
import { writeFilesAtomically } from './writeFilesAtomically';

function allNames(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map(name => name.split(path.sep).join('/'))
    .sort();
}

describe('writeFilesAtomically', () => {
  it('writes new files and replaces existing ones, leaving no temporary file', async () => {
    const workspace = createWorkspace({ 'app/staging/params.yaml': 'old' });
    await writeFilesAtomically(workspace, [
      { path: 'app/staging/params.yaml', content: 'new' },
      { path: 'app/prod/params.yaml', content: 'prod' },
    ]);
    expect(readTree(workspace)).toEqual({
      'app/prod/params.yaml': 'prod',
      'app/staging/params.yaml': 'new',
    });
    expect(allNames(workspace).filter(n => n.includes('.tmp-'))).toEqual([]);
  });

  it('rolls back the files already renamed when a later rename fails', async () => {
    const workspace = createWorkspace({
      'app/staging/packageinstall.yaml': 'previous install',
      'app/staging/params.yaml/keep.txt': 'a folder where a file should go',
    });
    const before = allNames(workspace);
    const treeBefore = readTree(workspace);
    const error = await writeFilesAtomically(workspace, [
      { path: 'app/staging/packageinstall.yaml', content: 'new install' },
      { path: 'app/new-cluster/packageinstall.yaml', content: 'new' },
      { path: 'app/staging/params.yaml', content: 'cannot replace a folder' },
      { path: 'app/later/params.yaml', content: 'never renamed' },
    ]).then(
      () => undefined,
      e => e,
    );
    expect(error?.code).toMatch(/EISDIR|ENOTEMPTY|EEXIST/);
    expect(readTree(workspace)).toEqual(treeBefore);
    expect(allNames(workspace)).toEqual(before);
  });

  it('leaves nothing behind when a file cannot even be staged', async () => {
    const workspace = createWorkspace({
      'app/staging': 'a file, not a folder',
    });
    const before = allNames(workspace);
    await expect(
      writeFilesAtomically(workspace, [
        { path: 'app/prod/params.yaml', content: 'staged first' },
        { path: 'app/staging/params.yaml', content: 'parent is a file' },
      ]),
    ).rejects.toThrow(/EEXIST|ENOTDIR/);
    expect(allNames(workspace)).toEqual(before);
    expect(readTree(workspace)).toEqual({
      'app/staging': 'a file, not a folder',
    });
  });

  it('refuses to write one path twice', async () => {
    const workspace = createWorkspace();
    await expect(
      writeFilesAtomically(workspace, [
        { path: 'a.yaml', content: '1' },
        { path: './a.yaml', content: '2' },
      ]),
    ).rejects.toThrow(/same file twice/);
    expect(allNames(workspace)).toEqual([]);
  });

  it('refuses paths outside the workspace before writing anything', async () => {
    const workspace = createWorkspace();
    await expect(
      writeFilesAtomically(workspace, [
        { path: 'a.yaml', content: '1' },
        { path: '../escape.yaml', content: '2' },
      ]),
    ).rejects.toThrow(/outside/);
    expect(allNames(workspace)).toEqual([]);
  });
});
