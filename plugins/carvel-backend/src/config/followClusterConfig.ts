import type {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import type { ClusterFleet } from '../cluster/ClusterFleet';
import { readClusterConfigs } from './readClusterConfigs';

/**
 * Points the fleet at the configured clusters now and whenever the configuration changes;
 * returns the function that stops following (call it on shutdown).
 */
export function followClusterConfig(
  fleet: Pick<ClusterFleet, 'update'>,
  config: RootConfigService,
  logger: LoggerService,
): () => void {
  fleet.update(readClusterConfigs(config));
  let following = true;
  const subscription = config.subscribe?.(() => {
    if (!following) return;
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
  return () => {
    following = false;
    subscription?.unsubscribe();
  };
}
