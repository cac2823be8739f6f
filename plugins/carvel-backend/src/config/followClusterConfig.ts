import type {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import type { ClusterFleet } from '../cluster/ClusterFleet';
import { readClusterConfigs } from './readClusterConfigs';

/** Points the fleet at the configured clusters now and whenever the configuration changes. */
export function followClusterConfig(
  fleet: ClusterFleet,
  config: RootConfigService,
  logger: LoggerService,
): void {
  fleet.update(readClusterConfigs(config));
  config.subscribe?.(() => {
    try {
      fleet.update(readClusterConfigs(config));
    } catch (error) {
      logger.error(
        `Ignoring invalid carvel cluster configuration: ${
          (error as Error).message
        }`,
      );
    }
  });
}
