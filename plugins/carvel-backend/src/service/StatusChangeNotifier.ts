import type { LoggerService } from '@backstage/backend-plugin-api';
import type { SignalsService } from '@backstage/plugin-signals-node';
import type { DesiredStateSource } from '@carvel-gitops/plugin-carvel-common';
import type { ClusterFleet } from '../cluster/ClusterFleet';
import { PackageSignalQueue } from './PackageSignalQueue';

/** Tells open entity tabs, through Backstage signals, that a package changed somewhere. */
export function notifyStatusChanges(options: {
  fleet: ClusterFleet;
  signals: SignalsService;
  logger: LoggerService;
}): () => void {
  const queue = new PackageSignalQueue(options);
  return options.fleet.onPackageChange((packageNames, clusters) => {
    for (const packageName of packageNames) queue.add(packageName, clusters);
  });
}

/**
 * Tells open tabs when the GitOps repository changed: a new head makes every package it declares
 * pending, so each of them is signalled, with the run clusters git names for it.
 */
export function notifyGitopsChanges(options: {
  mirror: DesiredStateSource & { onChange(listener: () => void): () => void };
  signals: SignalsService;
  logger: LoggerService;
}): () => void {
  const queue = new PackageSignalQueue(options);
  return options.mirror.onChange(() => {
    const clustersByPackage = new Map<string, Set<string>>();
    for (const repository of options.mirror.desiredState().repositories) {
      for (const declared of [
        ...repository.packageInstalls.map(i => ({
          packageName: i.packageName,
          cluster: i.cluster,
        })),
        ...repository.apps.map(a => ({
          packageName: a.packageName,
          cluster: a.targetCluster,
        })),
      ]) {
        const clusters =
          clustersByPackage.get(declared.packageName) ?? new Set<string>();
        clusters.add(declared.cluster);
        clustersByPackage.set(declared.packageName, clusters);
      }
    }
    for (const [packageName, clusters] of clustersByPackage) {
      queue.add(packageName, clusters);
    }
  });
}
