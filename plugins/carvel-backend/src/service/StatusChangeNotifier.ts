import type { LoggerService } from '@backstage/backend-plugin-api';
import type { SignalsService } from '@backstage/plugin-signals-node';
import type { ClusterFleet } from '../cluster/ClusterFleet';

/** Signal channel for one package: the entity tab subscribes to the channels of its packages. */
export function packageSignalChannel(packageName: string): string {
  return `carvel:package:${packageName}`;
}

/** Tells open entity tabs, through Backstage signals, that a package changed somewhere. */
export function notifyStatusChanges(options: {
  fleet: ClusterFleet;
  signals: SignalsService;
  logger: LoggerService;
}): () => void {
  return options.fleet.onPackageChange((packageNames, clusters) => {
    for (const packageName of packageNames) {
      options.signals
        .publish({
          recipients: { type: 'broadcast' },
          channel: packageSignalChannel(packageName),
          message: { packageName, clusters: [...clusters].sort() },
        })
        .catch(error =>
          options.logger.warn(
            `Could not publish a Carvel status signal: ${error.message}`,
          ),
        );
    }
  });
}
