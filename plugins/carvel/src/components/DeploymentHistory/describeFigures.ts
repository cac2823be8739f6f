import type { ClusterDeploymentFigures } from '@carvel-gitops/plugin-carvel-common';
import { formatLeadTime } from './formatLeadTime';

/** "prod: median lead time 3 min, 4 deployments in the last 30 days". */
export function describeFigures(figures: ClusterDeploymentFigures): string {
  const count = figures.deploymentsLast30Days;
  const deployments = `${count} ${
    count === 1 ? 'deployment' : 'deployments'
  } in the last 30 days`;
  return figures.medianLeadTimeSeconds === undefined
    ? `${figures.cluster}: ${deployments}`
    : `${figures.cluster}: median lead time ${formatLeadTime(
        figures.medianLeadTimeSeconds,
      )}, ${deployments}`;
}
