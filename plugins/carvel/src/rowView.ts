import { CarvelStatus } from '@carvel-gitops/plugin-carvel-common';
import { AppRow, PackageRow, PackageSection } from './packageSections';

export type RowStatus = CarvelStatus | 'error';
export type RowSort = 'configured' | 'cluster' | 'status';

/** What the reader chose to see: one cluster, one status, and in which order. */
export interface RowView {
  cluster?: string;
  status?: RowStatus;
  sort: RowSort;
}

export const DEFAULT_ROW_VIEW: RowView = { sort: 'configured' };

/** Most attention first. */
const STATUS_ORDER: RowStatus[] = [
  'error',
  'failed',
  'delete-failed',
  'unknown',
  'reconciling',
  'deleting',
  'paused',
  'canceled',
  'succeeded',
];

/** 0 for what needs attention most (an error), up to succeeded. */
export function statusRank(status: RowStatus): number {
  const rank = STATUS_ORDER.indexOf(status);
  return rank < 0 ? STATUS_ORDER.length : rank;
}

export function packageRowStatus(row: PackageRow): RowStatus {
  return row.kind === 'cluster-error' ? 'error' : row.install.status;
}

// Stale rows sort with their cluster's error row, so the error stays above what it makes stale.
function packageRowRank(row: PackageRow): number {
  return row.kind === 'install' && row.stale
    ? statusRank('error')
    : statusRank(packageRowStatus(row));
}

function sortRows<T>(
  rows: T[],
  sort: RowSort,
  clusterOf: (row: T) => string,
  rankOf: (row: T) => number,
): T[] {
  if (sort === 'configured') return rows;
  const byCluster = (a: T, b: T) => clusterOf(a).localeCompare(clusterOf(b));
  // Array.prototype.sort is stable: ties keep the backend's order.
  return [...rows].sort(
    sort === 'cluster'
      ? byCluster
      : (a, b) => rankOf(a) - rankOf(b) || byCluster(a, b),
  );
}

/** A package card's rows as the view asks; a cluster's error row stays with its stale rows. */
export function viewPackageSection(
  section: PackageSection,
  view: RowView,
): PackageSection {
  const rows = section.rows.filter(
    row =>
      (!view.cluster || row.clusterName === view.cluster) &&
      (!view.status || packageRowStatus(row) === view.status),
  );
  return {
    ...section,
    rows: sortRows(rows, view.sort, row => row.clusterName, packageRowRank),
    clustersWithoutInstall: view.status
      ? []
      : section.clustersWithoutInstall.filter(
          name => !view.cluster || name === view.cluster,
        ),
  };
}

/** The Apps as the view asks: an App matches a cluster it lives on or delivers to. */
export function viewAppRows(rows: AppRow[], view: RowView): AppRow[] {
  const shown = rows.filter(
    row =>
      (!view.cluster ||
        row.clusterName === view.cluster ||
        row.runCluster === view.cluster) &&
      (!view.status || row.app.status === view.status),
  );
  return sortRows(
    shown,
    view.sort,
    row => row.runCluster,
    row => statusRank(row.app.status),
  );
}

/** The clusters and statuses there are to choose from, in the order they read best. */
export function rowViewChoices(
  sections: PackageSection[],
  appRows: AppRow[],
): { clusters: string[]; statuses: RowStatus[] } {
  const clusters = new Set<string>();
  const statuses = new Set<RowStatus>();
  for (const section of sections) {
    for (const row of section.rows) {
      clusters.add(row.clusterName);
      statuses.add(packageRowStatus(row));
    }
    section.clustersWithoutInstall.forEach(name => clusters.add(name));
  }
  for (const row of appRows) {
    clusters.add(row.clusterName);
    clusters.add(row.runCluster);
    statuses.add(row.app.status);
  }
  return {
    clusters: [...clusters].sort((a, b) => a.localeCompare(b)),
    statuses: STATUS_ORDER.filter(status => statuses.has(status)),
  };
}
