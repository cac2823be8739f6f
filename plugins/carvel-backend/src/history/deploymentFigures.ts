import type { ClusterDeploymentFigures } from '@carvel-gitops/plugin-carvel-common';
import type { DeploymentTransition } from './DeploymentHistoryStore';

export const FIGURES_WINDOW_DAYS = 30;

const installKey = (t: DeploymentTransition) =>
  JSON.stringify([t.cluster, t.namespace, t.name]);

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : Math.round((sorted[middle - 1] + sorted[middle]) / 2);
}

/**
 * The deployments among one PackageInstall's transitions, oldest first. A deployment is a change to
 * `succeeded` on a version other than the one that succeeded before it (a retry of the same
 * version after a failure, or a status flapping back, is not one); before the first transition seen,
 * its `fromVersion` is taken as the version that ran.
 */
export function deploymentsOf(
  transitionsOldestFirst: DeploymentTransition[],
): DeploymentTransition[] {
  const deployments: DeploymentTransition[] = [];
  let running = transitionsOldestFirst[0]?.fromVersion;
  for (const transition of transitionsOldestFirst) {
    if (transition.status !== 'succeeded') continue;
    if (
      transition.toVersion !== undefined &&
      transition.toVersion !== running
    ) {
      deployments.push(transition);
    }
    running = transition.toVersion;
  }
  return deployments;
}

/**
 * Per cluster, the number of deployments and their median lead time, from a window's transitions
 * newest first (as the store lists them); every cluster with a transition in it is listed, by name.
 */
export function summariseDeployments(
  transitionsNewestFirst: DeploymentTransition[],
): ClusterDeploymentFigures[] {
  const byInstall = new Map<string, DeploymentTransition[]>();
  for (let i = transitionsNewestFirst.length - 1; i >= 0; i--) {
    const transition = transitionsNewestFirst[i];
    const key = installKey(transition);
    const installTransitions = byInstall.get(key) ?? [];
    installTransitions.push(transition);
    byInstall.set(key, installTransitions);
  }
  const deploymentsByCluster = new Map<string, DeploymentTransition[]>(
    transitionsNewestFirst.map(t => [t.cluster, []]),
  );
  for (const oldestFirst of byInstall.values()) {
    for (const deployment of deploymentsOf(oldestFirst)) {
      deploymentsByCluster.get(deployment.cluster)!.push(deployment);
    }
  }
  return [...deploymentsByCluster.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([cluster, deployments]) => {
      const medianLeadTimeSeconds = median(
        deployments.flatMap(d =>
          d.leadTimeSeconds === undefined ? [] : [d.leadTimeSeconds],
        ),
      );
      return {
        cluster,
        ...(medianLeadTimeSeconds !== undefined
          ? { medianLeadTimeSeconds }
          : {}),
        deploymentsLast30Days: deployments.length,
      };
    });
}
