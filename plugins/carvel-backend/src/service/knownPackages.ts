import {
  compareVersions,
  DesiredState,
  KnownPackage,
  PackageVersionDetails,
} from '@carvel-gitops/plugin-carvel-common';
import type { SlimPackage } from '../cluster/carvelResources';

/** What the package catalog reads of one watched cluster's Package objects. */
export interface ClusterPackagesView {
  name: string;
  packages: {
    get(packageName: string): readonly SlimPackage[];
    packageNames(): string[];
  };
}

const highestFirst = (a: string, b: string) => compareVersions(b, a);
const sorted = (names: Iterable<string>) =>
  [...new Set(names)].sort((a, b) => a.localeCompare(b));

/** Run clusters git delivers each package to: its cluster folders and its Apps' target clusters. */
function gitDeliveries(desired: DesiredState): Map<string, Set<string>> {
  const deliveries = new Map<string, Set<string>>();
  const add = (packageName: string, cluster: string) => {
    const clusters = deliveries.get(packageName) ?? new Set<string>();
    clusters.add(cluster);
    deliveries.set(packageName, clusters);
  };
  for (const repository of desired.repositories) {
    repository.packageInstalls.forEach(p => add(p.packageName, p.cluster));
    repository.apps.forEach(a => add(a.packageName, a.targetCluster));
  }
  return deliveries;
}

/** Every package a cluster holds a Package of or git has Package files of, with its versions highest first. */
export function listKnownPackages(
  clusters: ClusterPackagesView[],
  desired: DesiredState,
): KnownPackage[] {
  const known = new Map<string, { clusters: string[]; versions: string[] }>();
  const entry = (packageName: string) => {
    let found = known.get(packageName);
    if (!found) {
      found = { clusters: [], versions: [] };
      known.set(packageName, found);
    }
    return found;
  };
  for (const cluster of clusters) {
    for (const packageName of cluster.packages.packageNames()) {
      const found = entry(packageName);
      found.clusters.push(cluster.name);
      for (const p of cluster.packages.get(packageName)) {
        found.versions.push(p.spec.version);
      }
    }
  }
  for (const repository of desired.repositories) {
    for (const p of repository.packages ?? []) {
      entry(p.packageName).versions.push(p.version);
    }
  }
  const deliveries = gitDeliveries(desired);
  [...deliveries.keys()].forEach(entry);
  return [...known.entries()]
    .map(([packageName, found]) => ({
      packageName,
      clusters: sorted([
        ...found.clusters,
        ...(deliveries.get(packageName) ?? []),
      ]),
      versions: [...new Set(found.versions)].sort(highestFirst),
    }))
    .sort((a, b) => a.packageName.localeCompare(b.packageName));
}

/** Whether a cluster holds a Package of it, or git has a Package file of it or delivers it. */
export function isKnownPackage(
  packageName: string,
  clusters: ClusterPackagesView[],
  desired: DesiredState,
): boolean {
  return (
    clusters.some(c => c.packages.get(packageName).length > 0) ||
    desired.repositories.some(
      r =>
        (r.packages ?? []).some(p => p.packageName === packageName) ||
        r.packageInstalls.some(p => p.packageName === packageName) ||
        r.apps.some(a => a.packageName === packageName),
    )
  );
}

interface VersionSources {
  clusters: Set<string>;
  inGit: boolean;
  releasedAt?: string;
  valuesSchema?: Record<string, unknown>;
  valuesSchemaNote?: string;
}

/**
 * The versions of one package, highest first; git's Package file says first what a version's
 * release date and values schema are (it is what the template validates against), then the
 * clusters in name order. Empty when neither knows the package.
 */
export function listPackageVersions(
  packageName: string,
  clusters: ClusterPackagesView[],
  desired: DesiredState,
): PackageVersionDetails[] {
  const versions = new Map<string, VersionSources>();
  const take = (
    version: string,
    found: {
      releasedAt?: string;
      valuesSchema?: Record<string, unknown>;
      valuesSchemaProblem?: string;
    },
  ) => {
    let sources = versions.get(version);
    if (!sources) {
      sources = { clusters: new Set(), inGit: false };
      versions.set(version, sources);
    }
    sources.releasedAt ??= found.releasedAt;
    sources.valuesSchema ??= found.valuesSchema;
    sources.valuesSchemaNote ??= found.valuesSchemaProblem;
    return sources;
  };
  for (const repository of desired.repositories) {
    for (const p of repository.packages ?? []) {
      if (p.packageName === packageName) take(p.version, p).inGit = true;
    }
  }
  const byName = [...clusters].sort((a, b) => a.name.localeCompare(b.name));
  for (const cluster of byName) {
    for (const p of cluster.packages.get(packageName)) {
      take(p.spec.version, {
        releasedAt: p.spec.releasedAt,
        valuesSchema: p.spec.valuesSchema?.openAPIv3 as
          | Record<string, unknown>
          | undefined,
        valuesSchemaProblem: p.valuesSchemaProblem,
      }).clusters.add(cluster.name);
    }
  }
  return [...versions.keys()].sort(highestFirst).map(version => {
    const sources = versions.get(version)!;
    return {
      version,
      ...(sources.releasedAt ? { releasedAt: sources.releasedAt } : {}),
      ...(sources.valuesSchema ? { valuesSchema: sources.valuesSchema } : {}),
      ...(!sources.valuesSchema && sources.valuesSchemaNote
        ? { valuesSchemaNote: sources.valuesSchemaNote }
        : {}),
      clusters: sorted(sources.clusters),
      inGit: sources.inGit,
    };
  });
}
