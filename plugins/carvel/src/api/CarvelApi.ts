import { createApiRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  ClusterListResponse,
  EntityCarvelStatus,
} from '@carvel-gitops/plugin-carvel-common';

/** Reads Carvel state from the `carvel` backend plugin. */
export interface CarvelApi {
  /** PackageInstalls and Apps of one catalog entity, per run cluster. */
  getEntityStatus(entityRef: CompoundEntityRef): Promise<EntityCarvelStatus>;
  /** The configured run clusters and how their watches are doing. */
  getClusters(): Promise<ClusterListResponse>;
}

export const carvelApiRef = createApiRef<CarvelApi>({
  id: 'plugin.carvel.service',
});
