import { EntityCarvelStatus } from '@carvel-gitops/plugin-carvel-common';

/** A cluster whose answer was capped by the backend: how many of each it left out. */
export interface TruncationNotice {
  clusterName: string;
  packageInstalls?: number;
  apps?: number;
}

/** One notice per cluster that left PackageInstalls or Apps out of its answer. */
export function buildTruncationNotices(
  status: EntityCarvelStatus,
): TruncationNotice[] {
  return status.clusters.flatMap(cluster =>
    cluster.truncated || cluster.truncatedApps
      ? [
          {
            clusterName: cluster.name,
            ...(cluster.truncated
              ? { packageInstalls: cluster.truncated }
              : {}),
            ...(cluster.truncatedApps ? { apps: cluster.truncatedApps } : {}),
          },
        ]
      : [],
  );
}
