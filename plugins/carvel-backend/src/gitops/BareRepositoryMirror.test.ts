import fs from 'node:fs';
import { BareRepositoryMirror } from './BareRepositoryMirror';
import {
  createGitopsRepository,
  createTemporaryFolder,
} from './__testUtils__/gitopsRepository';

jest.setTimeout(60_000);

async function mirrorOf(repo: { bare: string }, depth: number) {
  const directory = createTemporaryFolder();
  const mirror = new BareRepositoryMirror({
    directory,
    branch: 'main',
    depth,
    localTimeoutMs: 30_000,
  });
  const head = await mirror.fetch({
    cloneUrl: repo.bare,
    displayName: repo.bare,
    gitOptions: { protocols: ['file'] },
  });
  return { mirror, directory, head };
}

describe('BareRepositoryMirror', () => {
  it('answers commit times and ancestry within its mirrored history from memory, without git', async () => {
    const repo = await createGitopsRepository();
    const older = await repo.commit({ a: '1' }, '2026-11-01T08:00:00Z');
    const newer = await repo.commit({ a: '2' }, '2026-11-02T09:30:00Z');
    const { mirror, directory, head } = await mirrorOf(repo, 50);
    expect(head).toEqual({
      commit: newer,
      committedAt: '2026-11-02T09:30:00.000Z',
    });
    // Without the repository on disk, only what the fetch kept in memory can answer.
    fs.rmSync(directory, { recursive: true, force: true });

    expect(await mirror.commitTime(older)).toBe('2026-11-01T08:00:00.000Z');
    expect(await mirror.isAncestor(older, newer)).toBe(true);
    expect(await mirror.isAncestor(newer, newer)).toBe(true);
    expect(await mirror.isAncestor(newer, older)).toBe(false);
    expect(await mirror.commitTime('f'.repeat(40))).toBeUndefined();
    expect(await mirror.isAncestor('f'.repeat(40), newer)).toBeUndefined();
  });

  it('does not call a commit unrelated when the shallow boundary hides its parents', async () => {
    const repo = await createGitopsRepository();
    const first = await repo.commit({ a: '1' });
    const second = await repo.commit({ a: '2' });
    const third = await repo.commit({ a: '3' });
    const { mirror, directory } = await mirrorOf(repo, 2);
    fs.rmSync(directory, { recursive: true, force: true });

    expect(await mirror.isAncestor(second, third)).toBe(true);
    // `second` is the boundary: whether `third` is behind it cannot be told from memory (git is gone).
    expect(await mirror.isAncestor(third, second)).toBeUndefined();
    expect(await mirror.isAncestor(first, third)).toBeUndefined();
  });
});
