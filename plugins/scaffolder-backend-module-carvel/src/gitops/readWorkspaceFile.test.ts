import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createWorkspace } from '../__testUtils__/workspace';
import { readWorkspaceFile } from './readWorkspaceFile';

describe('readWorkspaceFile', () => {
  it('reads a file of the workspace, and says when there is none', async () => {
    const workspace = createWorkspace({ 'a/b.yaml': 'kind: PackageInstall\n' });
    await expect(readWorkspaceFile(workspace, 'a/b.yaml')).resolves.toEqual({
      found: true,
      text: 'kind: PackageInstall\n',
    });
    await expect(readWorkspaceFile(workspace, 'a/c.yaml')).resolves.toEqual({
      found: false,
    });
  });

  it('refuses a folder, a file over the bound and a symlink leading outside', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'outside-'));
    fs.writeFileSync(path.join(outside, 'secret.yaml'), 'token: x\n');
    const workspace = createWorkspace({ 'big.yaml': 'x'.repeat(101) });
    fs.mkdirSync(path.join(workspace, 'folder.yaml'));
    fs.symlinkSync(
      path.join(outside, 'secret.yaml'),
      path.join(workspace, 'link.yaml'),
    );
    await expect(readWorkspaceFile(workspace, 'folder.yaml')).resolves.toEqual({
      problem: 'folder.yaml is not a file',
    });
    await expect(
      readWorkspaceFile(workspace, 'big.yaml', 100),
    ).resolves.toEqual({
      problem:
        'big.yaml is 101 bytes; a PackageInstall file is far smaller (at most 100 bytes are read)',
    });
    await expect(readWorkspaceFile(workspace, 'link.yaml')).resolves.toEqual({
      problem: 'link.yaml leads outside the workspace',
    });
  });
});
