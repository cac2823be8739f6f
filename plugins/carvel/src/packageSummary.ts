import { compareVersions } from '@carvel-gitops/plugin-carvel-common';
import { PackageSection } from './packageSections';

/** "3 of 4 clusters on 1.4.0 · 1 failing · 1 not readable", as numbers. */
export interface PackageSummary {
  /** Clusters in the card. */
  total: number;
  /** The version most clusters run successfully (the higher one on a tie). */
  version?: string;
  /** Clusters on which `version` runs successfully. */
  onVersion: number;
  /** Clusters with a PackageInstall that failed (or failed to delete). */
  failing: number;
  /** Clusters whose state could not be read. */
  unreadable: number;
}

/** Counts by cluster, not by PackageInstall; a cluster in error counts only as not readable. */
export function summarisePackageSection(
  section: PackageSection,
): PackageSummary {
  const clusters = new Set<string>(section.clustersWithoutInstall);
  const unreadable = new Set<string>();
  const failing = new Set<string>();
  const clustersByVersion = new Map<string, Set<string>>();
  for (const row of section.rows) {
    clusters.add(row.clusterName);
    if (row.kind === 'cluster-error') {
      unreadable.add(row.clusterName);
      continue;
    }
    if (row.stale) continue;
    const { status, version } = row.install;
    if (status === 'failed' || status === 'delete-failed') {
      failing.add(row.clusterName);
    }
    if (status === 'succeeded' && version) {
      const on = clustersByVersion.get(version) ?? new Set<string>();
      on.add(row.clusterName);
      clustersByVersion.set(version, on);
    }
  }
  const [top] = [...clustersByVersion.entries()].sort(
    ([versionA, a], [versionB, b]) =>
      b.size - a.size || compareVersions(versionB, versionA),
  );
  return {
    total: clusters.size,
    ...(top ? { version: top[0] } : {}),
    onVersion: top ? top[1].size : 0,
    failing: failing.size,
    unreadable: unreadable.size,
  };
}
