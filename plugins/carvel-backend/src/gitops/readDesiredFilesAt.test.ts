import { DEFAULT_YAML_LIMITS } from '@carvel-gitops/plugin-carvel-node';
import { readDesiredFilesAt } from './readDesiredFilesAt';
import {
  gitopsAppYaml,
  packageInstallYaml,
  packageYaml,
} from './__testUtils__/gitopsRepository';

const repository = '/srv/gitops.git';
const commit = 'c'.repeat(40);
const committedAt = '2026-11-30T10:00:00.000Z';

function sourceOf(blobs: Record<string, string>) {
  const readBlob = jest.fn(async (oid: string) => {
    if (!(oid in blobs)) throw new Error('missing object');
    return blobs[oid];
  });
  return {
    repository,
    commit,
    committedAt,
    readBlob,
    files: Object.entries(blobs).map(([oid, text]) => ({
      path: oid,
      oid,
      size: Buffer.byteLength(text),
    })),
  };
}

describe('readDesiredFilesAt', () => {
  it('reads only layout files, in path order', async () => {
    const source = sourceOf({
      'b/prod/packageinstall.yaml': packageInstallYaml('2'),
      'a/prod/packageinstall.yaml': packageInstallYaml('1'),
      'a/apps/prod.yaml': gitopsAppYaml('prod'),
      'a/prod/params.yaml': 'kind: Secret\n',
      'a/packages/1.0.0.yaml': packageYaml('1.0.0'),
      'README.md': '# gitops\n',
    });
    const read = await readDesiredFilesAt(source);
    expect(read.packageInstalls.map(p => [p.file, p.constraints])).toEqual([
      ['a/prod/packageinstall.yaml', '1'],
      ['b/prod/packageinstall.yaml', '2'],
    ]);
    expect(read.apps.map(a => a.targetCluster)).toEqual(['prod']);
    expect(read.packages).toEqual([
      expect.objectContaining({
        file: 'a/packages/1.0.0.yaml',
        packageName: 'app.default.tap',
        version: '1.0.0',
        commit,
      }),
    ]);
    expect(read.problems).toEqual([]);
    expect(source.readBlob).toHaveBeenCalledTimes(4);
  });

  it('reads at most maxFiles layout files and says so', async () => {
    const read = await readDesiredFilesAt(
      sourceOf({
        'a/prod/packageinstall.yaml': packageInstallYaml('1'),
        'b/prod/packageinstall.yaml': packageInstallYaml('2'),
        'c/prod/packageinstall.yaml': packageInstallYaml('3'),
      }),
      { maxFiles: 2, yaml: DEFAULT_YAML_LIMITS },
    );
    expect(read.packageInstalls).toHaveLength(2);
    expect(read.problems).toEqual([
      {
        repository,
        message:
          'has 3 PackageInstall, App and Package files; only the first 2 are read',
      },
    ]);
  });

  it('keeps a values schema only within its bounds, noting why one was left out', async () => {
    const read = await readDesiredFilesAt(
      sourceOf({
        'a/packages/1.0.0.yaml': packageYaml('1.0.0', { type: 'object' }),
        'a/packages/2.0.0.yaml': packageYaml('2.0.0', {
          description: 'x'.repeat(200),
        }),
      }),
      {
        maxFiles: 10,
        yaml: DEFAULT_YAML_LIMITS,
        valuesSchema: { maxBytes: 100, maxDepth: 8 },
      },
    );
    expect(read.packages).toEqual([
      expect.objectContaining({
        version: '1.0.0',
        valuesSchema: { type: 'object' },
      }),
      expect.objectContaining({
        version: '2.0.0',
        valuesSchemaProblem:
          'valuesSchema is more than 100 bytes as JSON and was left out',
      }),
    ]);
    expect(read.problems).toEqual([]);
  });

  it('never reads a file over the size bound, and reports one it cannot read', async () => {
    const source = sourceOf({
      'big/prod/packageinstall.yaml': packageInstallYaml('1'),
    });
    source.files.push({
      path: 'gone/prod/packageinstall.yaml',
      oid: 'gone',
      size: 10,
    });
    const read = await readDesiredFilesAt(source, {
      maxFiles: 10,
      yaml: { ...DEFAULT_YAML_LIMITS, maxBytes: 100 },
    });
    expect(read.problems).toEqual([
      {
        repository,
        file: 'big/prod/packageinstall.yaml',
        message: expect.stringMatching(/bytes, more than the 100 read$/),
      },
      {
        repository,
        file: 'gone/prod/packageinstall.yaml',
        message: 'could not be read from the repository mirror',
      },
    ]);
    expect(source.readBlob).toHaveBeenCalledTimes(1);
  });
});
