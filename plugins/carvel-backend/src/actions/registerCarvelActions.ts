import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { CarvelStatusService } from '../service/CarvelStatusService';
import type { PackageCatalogService } from '../service/PackageCatalogService';
import { registerGetStatusAction } from './getStatusAction';
import { registerListClustersAction } from './listClustersAction';
import { registerWhereIsVersionAction } from './whereIsVersionAction';

/** The read-only actions of plugin `carvel` for assistants (MCP), answered by the router's services. */
export function registerCarvelActions(
  registry: ActionsRegistryService,
  services: {
    statusService: CarvelStatusService;
    packageCatalog: PackageCatalogService;
  },
): void {
  registerGetStatusAction(registry, services.statusService);
  registerWhereIsVersionAction(registry, services.packageCatalog);
  registerListClustersAction(registry, services.statusService);
}
