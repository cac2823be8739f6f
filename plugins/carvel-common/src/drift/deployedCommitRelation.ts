import type { DeployedCommitRelation } from './compareDrift';

/** Whether `ancestor` is `descendant` or one of its ancestors; undefined when a sha is unknown. */
export type IsAncestor = (
  ancestor: string,
  descendant: string,
) => Promise<boolean | undefined>;

/** Where the commit an App deployed stands against the branch head git was read at. */
export async function relateDeployedCommit(
  deployedCommit: string | undefined,
  head: string,
  isAncestor: IsAncestor,
): Promise<DeployedCommitRelation> {
  if (!deployedCommit) return 'unknown';
  if (deployedCommit === head) return 'head';
  const deployedBeforeHead = await isAncestor(deployedCommit, head);
  if (deployedBeforeHead) return 'behind';
  const headBeforeDeployed = await isAncestor(head, deployedCommit);
  if (headBeforeDeployed) return 'ahead';
  return deployedBeforeHead === false && headBeforeDeployed === false
    ? 'diverged'
    : 'unknown';
}
