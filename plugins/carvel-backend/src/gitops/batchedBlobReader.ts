import { gitopsFileOf } from '@carvel-gitops/plugin-carvel-node';
import type { BareRepositoryMirror, TreeFile } from './BareRepositoryMirror';
import type { DesiredFilesLimits } from './readDesiredFilesAt';

const DEFAULT_BATCH_BYTES = 16 * 1024 * 1024;

/**
 * A blob reader for readDesiredFilesAt that has read the GitOps layout files of `files` with one git
 * process beforehand (up to `batchBytes` in all); any other blob it reads one by one.
 */
export async function batchedBlobReader(
  mirror: Pick<BareRepositoryMirror, 'readBlob' | 'readBlobs'>,
  files: TreeFile[],
  limits: DesiredFilesLimits,
  batchBytes: number = DEFAULT_BATCH_BYTES,
): Promise<(oid: string) => Promise<string>> {
  const wanted = new Set<string>();
  let bytes = 0;
  for (const file of files) {
    if (gitopsFileOf(file.path) === undefined) continue;
    if (file.size > limits.yaml.maxBytes || wanted.has(file.oid)) continue;
    if (wanted.size >= limits.maxFiles || bytes + file.size > batchBytes) break;
    wanted.add(file.oid);
    bytes += file.size;
  }
  const blobs = await mirror
    .readBlobs([...wanted])
    .catch(() => new Map<string, string>());
  return async oid => blobs.get(oid) ?? mirror.readBlob(oid);
}
