/** A file's state in a tree: its mode (`100644`, `120000` for a symlink, ...) and blob id. */
export interface TreeEntry {
  mode: string;
  oid: string;
}

/** One path that differs between two trees; `after` is absent when the path was deleted. */
export interface TreeChange {
  path: string;
  after?: TreeEntry;
}

const NO_OBJECT = /^0+$/;

/** Parses `git diff-tree -r -z --no-renames` (raw format) output. */
export function parseRawDiff(output: string): TreeChange[] {
  const fields = output.split('\0');
  const changes: TreeChange[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const header = fields[i].replace(/^\n/, '');
    if (!header.startsWith(':')) break;
    const [, newMode, , newOid, status] = header.slice(1).split(' ');
    changes.push(
      status === 'D' || NO_OBJECT.test(newMode)
        ? { path: fields[i + 1] }
        : { path: fields[i + 1], after: { mode: newMode, oid: newOid } },
    );
  }
  return changes;
}

function sameEntry(a?: TreeEntry, b?: TreeEntry): boolean {
  return a?.mode === b?.mode && a?.oid === b?.oid;
}

/** Paths both sides changed since the common base, to different results (sorted). */
export function conflictingPaths(
  ours: TreeChange[],
  theirs: TreeChange[],
): string[] {
  const theirsByPath = new Map(theirs.map(c => [c.path, c]));
  return ours
    .filter(c => {
      const their = theirsByPath.get(c.path);
      return their !== undefined && !sameEntry(c.after, their.after);
    })
    .map(c => c.path)
    .sort();
}

/** `git update-index -z --index-info` input that applies `changes` to an index. */
export function indexInfoOf(changes: TreeChange[]): string {
  return changes
    .map(c =>
      c.after
        ? `${c.after.mode} ${c.after.oid}\t${c.path}\0`
        : `0 ${'0'.repeat(40)}\t${c.path}\0`,
    )
    .join('');
}
