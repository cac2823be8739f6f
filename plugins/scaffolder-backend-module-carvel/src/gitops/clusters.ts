import { checkClusterName } from '@carvel-gitops/plugin-carvel-common';
import { InputProblems } from './InputProblems';

/** More clusters than this in one run is almost certainly a mistake in the template. */
export const MAX_CLUSTERS = 200;

/** Checks the cluster list shared by every action (its shape is the schema's): bounded, valid and unique names. */
export function checkClusterList(
  clusters: Array<{ name: string }>,
  problems: InputProblems,
): boolean {
  if (clusters.length > MAX_CLUSTERS) {
    problems.add(
      `clusters lists ${clusters.length} run clusters; at most ${MAX_CLUSTERS} are supported in one run, split the rollout into several runs`,
    );
    return false;
  }
  const seen = new Set<string>();
  let valid = true;
  clusters.forEach(({ name }, index) => {
    const problem = checkClusterName(name);
    if (problem) {
      problems.add(`clusters[${index}]: ${problem}`);
      valid = false;
    } else if (seen.has(name)) {
      problems.add(
        `clusters[${index}]: cluster '${name}' is listed more than once`,
      );
      valid = false;
    } else {
      seen.add(name);
    }
  });
  return valid;
}
