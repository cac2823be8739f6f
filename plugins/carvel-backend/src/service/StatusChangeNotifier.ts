import type { LoggerService } from '@backstage/backend-plugin-api';
import type { SignalsService } from '@backstage/plugin-signals-node';
import {
  carvelPackageChannel,
  type CarvelPackageSignal,
  type DesiredStateSource,
} from '@carvel-gitops/plugin-carvel-common';
import type { ClusterFleet } from '../cluster/ClusterFleet';

/** Tells open entity tabs, through Backstage signals, that a package changed somewhere. */
export function notifyStatusChanges(options: {
  fleet: ClusterFleet;
  signals: SignalsService;
  logger: LoggerService;
}): () => void {
  return options.fleet.onPackageChange((packageNames, clusters) =>
    publishPackageChanges(options, packageNames, [...clusters].sort()),
  );
}

function publishPackageChanges(
  options: { signals: SignalsService; logger: LoggerService },
  packageNames: Iterable<string>,
  clusters: string[],
) {
  for (const packageName of packageNames) {
    const message: CarvelPackageSignal = { packageName, clusters };
    options.signals
      .publish({
        recipients: { type: 'broadcast' },
        channel: carvelPackageChannel(packageName),
        message,
      })
      .catch(error =>
        options.logger.warn(
          `Could not publish a Carvel status signal: ${error.message}`,
        ),
      );
  }
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
      publishPackageChanges(options, [packageName], [...clusters].sort());
    }
  });
}
