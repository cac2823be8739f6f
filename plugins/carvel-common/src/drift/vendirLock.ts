/** One directory of vendir's lock config (kapp-controller names them "0", "1", … after `spec.fetch`). */
export interface VendirLockDirectory {
  path?: string;
  /** `contents[].git.sha` of the directory, when it was fetched from git. */
  gitCommit?: string;
}

/** A longer `status.fetch.stdout` is not a lock config kapp-controller writes for our Apps. */
export const MAX_VENDIR_LOCK_BYTES = 64 * 1024;
const MAX_DIRECTORIES = 100;
const MAX_NESTING = 16;

const GIT_SHA = /^[0-9a-f]{40}$|^[0-9a-f]{64}$/;
const KEY_LINE = /^([A-Za-z][A-Za-z0-9_]*):(?:[ \t]+(.*))?$/;

function unquote(value: string): string {
  const text = value.trim();
  if (text.length >= 2 && (text[0] === '"' || text[0] === "'")) {
    return text[text.length - 1] === text[0] ? text.slice(1, -1) : text;
  }
  return text;
}

interface KeyAtColumn {
  key: string;
  column: number;
}

/**
 * Reads the directories of the vendir lock config kapp-controller keeps in an App's
 * `status.fetch.stdout` (`vendir sync` prints it; sigs.k8s.io/yaml writes it with sorted keys and
 * unindented sequences). A line scanner with an explicit key stack: no YAML parser, no recursion,
 * bounded input; anything that is not a lock config gives undefined.
 */
export function readVendirLock(
  stdout: unknown,
): VendirLockDirectory[] | undefined {
  if (typeof stdout !== 'string' || stdout.length > MAX_VENDIR_LOCK_BYTES) {
    return undefined;
  }
  const directories: VendirLockDirectory[] = [];
  const stack: KeyAtColumn[] = [];
  let isLockConfig = false;
  // Lines indented deeper than a key with an inline value continue that value (folded or block text).
  let scalarColumn: number | undefined;
  for (const rawLine of stdout.split('\n')) {
    const line = rawLine.replace(/\r$/, '');
    const indent = line.length - line.trimStart().length;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (scalarColumn !== undefined && indent > scalarColumn) continue;
    scalarColumn = undefined;
    if (line.slice(0, indent).includes('\t')) return undefined;

    let column = indent;
    let text = trimmed;
    let sequenceItem = false;
    while (text === '-' || text.startsWith('- ')) {
      sequenceItem = true;
      const rest = text.slice(1);
      column += 1 + (rest.length - rest.trimStart().length);
      text = rest.trimStart();
    }
    if (text === '') continue;
    while (stack.length > 0 && stack[stack.length - 1].column >= column) {
      stack.pop();
    }
    const match = KEY_LINE.exec(text);
    if (!match) {
      scalarColumn = column;
      continue;
    }
    const [, key, inlineValue = ''] = match;
    const value = inlineValue.trim();
    const parentKeys = stack.map(entry => entry.key).join('/');

    if (stack.length === 0 && key === 'kind') {
      isLockConfig = unquote(value) === 'LockConfig';
    } else if (parentKeys === 'directories' && sequenceItem) {
      if (directories.length >= MAX_DIRECTORIES) return undefined;
      directories.push({});
    }
    const directory = directories[directories.length - 1];
    if (directory && parentKeys === 'directories' && key === 'path') {
      directory.path = unquote(value);
    }
    if (
      directory &&
      parentKeys === 'directories/contents/git' &&
      key === 'sha'
    ) {
      const sha = unquote(value).toLowerCase();
      if (GIT_SHA.test(sha)) directory.gitCommit = sha;
    }

    if (value === '') {
      if (stack.length >= MAX_NESTING) return undefined;
      stack.push({ key, column });
    } else {
      scalarColumn = column;
    }
  }
  return isLockConfig ? directories : undefined;
}

/**
 * The commit an App fetched: the git sha of its lock config when every git directory has the same
 * one (our Apps fetch two folders of one repository); undefined when unknown or when they differ.
 */
export function fetchedCommitFromLock(stdout: unknown): string | undefined {
  const commits = new Set(
    (readVendirLock(stdout) ?? [])
      .map(directory => directory.gitCommit)
      .filter((sha): sha is string => sha !== undefined),
  );
  return commits.size === 1 ? [...commits][0] : undefined;
}
