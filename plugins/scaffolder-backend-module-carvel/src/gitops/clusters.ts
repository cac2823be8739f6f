import { checkClusterName } from '@carvel-gitops/plugin-carvel-common';
import { InputProblems } from './InputProblems';

/** More clusters than this in one run is almost certainly a mistake in the template. */
export const MAX_CLUSTERS = 200;

/** Checks the cluster list shared by every action: present, bounded, valid and unique names. */
export function checkClusterList(
  clusters: unknown,
  problems: InputProblems,
): clusters is Array<{ name: string } & Record<string, unknown>> {
  if (!Array.isArray(clusters) || clusters.length === 0) {
    problems.add('clusters must list at least one run cluster');
    return false;
  }
  if (clusters.length > MAX_CLUSTERS) {
    problems.add(
      `clusters lists ${clusters.length} run clusters; at most ${MAX_CLUSTERS} are supported in one run, split the rollout into several runs`,
    );
    return false;
  }
  const seen = new Set<string>();
  let valid = true;
  clusters.forEach((cluster, index) => {
    if (
      typeof cluster !== 'object' ||
      cluster === null ||
      Array.isArray(cluster)
    ) {
      problems.add(`clusters[${index}] must be an object with a name`);
      valid = false;
      return;
    }
    const name = (cluster as { name?: unknown }).name;
    const problem = checkClusterName(name);
    if (problem) {
      problems.add(`clusters[${index}]: ${problem}`);
      valid = false;
    } else if (seen.has(name as string)) {
      problems.add(
        `clusters[${index}]: cluster '${name}' is listed more than once`,
      );
      valid = false;
    } else {
      seen.add(name as string);
    }
  });
  return valid;
}
