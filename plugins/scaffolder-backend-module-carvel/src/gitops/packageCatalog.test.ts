import fs from 'node:fs';
import path from 'node:path';
import { createWorkspace, packageYaml } from '../__testUtils__/workspace';
import { MAX_PACKAGE_FILE_BYTES, readPackageCatalog } from './packageCatalog';

async function read(workspacePath: string) {
  const problems: string[] = [];
  const catalog = await readPackageCatalog({
    workspacePath,
    packagesPath: 'app/packages',
    packageName: 'app.default.tap',
    problems: { add: p => problems.push(p) },
  });
  return { catalog, problems };
}

describe('readPackageCatalog', () => {
  it('reads the versions of the package with their values schema', async () => {
    const { catalog, problems } = await read(
      createWorkspace({
        'app/packages/1.0.0.yaml': packageYaml('app.default.tap', '1.0.0'),
        'app/packages/other.yaml': packageYaml('other.default.tap', '2.0.0'),
        'app/packages/notes.txt': 'not yaml',
      }),
    );
    expect(problems).toEqual([]);
    expect(catalog).toEqual({
      found: true,
      versions: [
        expect.objectContaining({
          version: '1.0.0',
          file: 'app/packages/1.0.0.yaml',
          valuesSchema: expect.objectContaining({ type: 'object' }),
        }),
      ],
    });
  });

  it('reports a file too large to be a Package instead of parsing it', async () => {
    const { catalog, problems } = await read(
      createWorkspace({
        'app/packages/1.0.0.yaml': packageYaml('app.default.tap', '1.0.0'),
        'app/packages/huge.yaml': `# ${'x'.repeat(MAX_PACKAGE_FILE_BYTES)}`,
      }),
    );
    expect(problems).toEqual([
      `app/packages/huge.yaml is larger than ${MAX_PACKAGE_FILE_BYTES} bytes; Package files are far smaller`,
    ]);
    expect(catalog.found).toBe(true);
  });

  it('skips folders and reports links that leave the workspace, without throwing', async () => {
    const workspace = createWorkspace({
      'app/packages/1.0.0.yaml': packageYaml('app.default.tap', '1.0.0'),
      'app/packages/folder.yaml/x': '',
    });
    const outside = createWorkspace({ 'secret.yaml': 'token: abc' });
    fs.symlinkSync(
      path.join(outside, 'secret.yaml'),
      path.join(workspace, 'app/packages/link.yaml'),
    );
    const { catalog, problems } = await read(workspace);
    expect(problems).toEqual([
      'app/packages/link.yaml cannot be read inside the workspace',
    ]);
    expect(catalog.found && catalog.versions.map(v => v.version)).toEqual([
      '1.0.0',
    ]);
  });
});
