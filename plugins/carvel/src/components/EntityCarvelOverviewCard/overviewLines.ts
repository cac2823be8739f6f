import {
  CarvelStatus,
  ClusterError,
  EntityCarvelStatus,
} from '@carvel-gitops/plugin-carvel-common';
import { buildPackageSections } from '../../packageSections';
import { statusRank } from '../../rowView';

/** One PackageInstall on the line: which package, what runs, how it stands. */
export interface OverviewInstall {
  packageName: string;
  version?: string;
  status: CarvelStatus;
}

/** One run cluster of the entity, in a line. */
export interface OverviewLine {
  cluster: string;
  /** Set when the cluster could not be read. */
  error?: ClusterError;
  /** The installs are what the cluster listed before its error, as of `lastSyncedAt`. */
  stale?: { lastSyncedAt?: string };
  /** Most attention first. */
  installs: OverviewInstall[];
  /** The status that needs the most attention; absent without installs. */
  status?: CarvelStatus;
  /** The newest reconcile of the cluster's installs. */
  reconciledAt?: string;
}

/** One line per cluster the tab's package cards show, in the backend's cluster order. */
export function buildOverviewLines(status: EntityCarvelStatus): OverviewLine[] {
  const lines = new Map<string, OverviewLine>();
  const lineOf = (cluster: string) => {
    const line = lines.get(cluster) ?? { cluster, installs: [] };
    lines.set(cluster, line);
    return line;
  };
  for (const section of buildPackageSections(status)) {
    for (const row of section.rows) {
      const line = lineOf(row.clusterName);
      if (row.kind === 'cluster-error') {
        line.error = row.error;
        if (row.stale) line.stale = row.stale;
        continue;
      }
      const { install } = row;
      line.installs.push({
        packageName: install.packageName,
        version: install.version,
        status: install.status,
      });
      if (
        install.updatedAt &&
        (!line.reconciledAt || install.updatedAt > line.reconciledAt)
      ) {
        line.reconciledAt = install.updatedAt;
      }
    }
    section.clustersWithoutInstall.forEach(lineOf);
  }
  const order = status.clusters.map(cluster => cluster.name);
  return [...lines.values()]
    .map(line => {
      const installs = [...line.installs].sort(
        (a, b) => statusRank(a.status) - statusRank(b.status),
      );
      return {
        ...line,
        installs,
        ...(installs.length ? { status: installs[0].status } : {}),
      };
    })
    .sort((a, b) => order.indexOf(a.cluster) - order.indexOf(b.cluster));
}
