import { BareRepositoryMirror } from './BareRepositoryMirror';
import { batchedBlobReader } from './batchedBlobReader';
import { DEFAULT_DESIRED_FILES_LIMITS } from './readDesiredFilesAt';
import {
  createGitopsRepository,
  createTemporaryFolder,
  packageInstallYaml,
} from './__testUtils__/gitopsRepository';

jest.setTimeout(60_000);

async function mirrorWith(files: Record<string, string>) {
  const repo = await createGitopsRepository();
  const head = await repo.commit(files);
  const mirror = new BareRepositoryMirror({
    directory: createTemporaryFolder(),
    branch: 'main',
    depth: 10,
    localTimeoutMs: 30_000,
  });
  await mirror.fetch({
    cloneUrl: repo.bare,
    displayName: repo.bare,
    gitOptions: { protocols: ['file'] },
  });
  return { mirror, tree: await mirror.files(head) };
}

describe('BareRepositoryMirror.readBlobs', () => {
  it('reads several blobs byte-exact in one git process and leaves out unknown ones', async () => {
    const text = 'name: "ünïcödé ✓"\nempty:\n\n';
    const { mirror, tree } = await mirrorWith({ 'a.yaml': text, 'b.yaml': '' });
    const [a, b] = tree;
    const blobs = await mirror.readBlobs([a.oid, 'f'.repeat(40), b.oid]);
    expect(blobs).toEqual(
      new Map([
        [a.oid, text],
        [b.oid, ''],
      ]),
    );
    expect(await mirror.readBlobs([])).toEqual(new Map());
    await expect(mirror.readBlobs(['not-an-oid'])).rejects.toThrow(
      'not a git object id',
    );
  });
});

describe('batchedBlobReader', () => {
  it('reads the layout files in one batch and anything else one by one', async () => {
    const { mirror, tree } = await mirrorWith({
      'app.default.tap/staging/packageinstall.yaml': packageInstallYaml('1'),
      'app.default.tap/prod/packageinstall.yaml': packageInstallYaml('2'),
      'README.md': '# readme\n',
    });
    const batches: string[][] = [];
    const single: string[] = [];
    const counting = {
      readBlobs: (oids: string[]) => {
        batches.push(oids);
        return mirror.readBlobs(oids);
      },
      readBlob: (oid: string) => {
        single.push(oid);
        return mirror.readBlob(oid);
      },
    };
    const read = await batchedBlobReader(
      counting,
      tree,
      DEFAULT_DESIRED_FILES_LIMITS,
    );
    const byPath = new Map(tree.map(f => [f.path, f.oid]));
    expect(
      await read(byPath.get('app.default.tap/prod/packageinstall.yaml')!),
    ).toBe(packageInstallYaml('2'));
    expect(await read(byPath.get('README.md')!)).toBe('# readme\n');
    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(2);
    expect(single).toEqual([byPath.get('README.md')]);
  });

  it('keeps the batch within its byte budget and reads the rest one by one', async () => {
    const { mirror, tree } = await mirrorWith({
      'a.default.tap/staging/packageinstall.yaml': packageInstallYaml('1'),
      'b.default.tap/staging/packageinstall.yaml': packageInstallYaml('2'),
    });
    const batches: string[][] = [];
    const read = await batchedBlobReader(
      {
        readBlobs: oids => {
          batches.push(oids);
          return mirror.readBlobs(oids);
        },
        readBlob: oid => mirror.readBlob(oid),
      },
      tree,
      DEFAULT_DESIRED_FILES_LIMITS,
      tree[0].size,
    );
    expect(batches).toEqual([[tree[0].oid]]);
    expect(await read(tree[1].oid)).toBe(packageInstallYaml('2'));
  });
});
