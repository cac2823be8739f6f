import { EntityCarvelStatus } from '@carvel-gitops/plugin-carvel-common';

/** A cluster whose answer was capped by the backend, and what the tab says about it. */
export interface TruncationNotice {
  clusterName: string;
  text: string;
}

function more(count: number, singular: string, plural: string): string {
  return `${count} more ${
    count === 1 ? singular : plural
  } on this cluster not shown`;
}

/** One notice per cluster that left PackageInstalls or Apps out of its answer. */
export function buildTruncationNotices(
  status: EntityCarvelStatus,
): TruncationNotice[] {
  return status.clusters.flatMap(cluster => {
    const parts = [
      cluster.truncated
        ? more(cluster.truncated, 'PackageInstall', 'PackageInstalls')
        : undefined,
      cluster.truncatedApps
        ? more(cluster.truncatedApps, 'App', 'Apps')
        : undefined,
    ].filter((part): part is string => Boolean(part));
    return parts.length > 0
      ? [{ clusterName: cluster.name, text: parts.join('; ') }]
      : [];
  });
}
