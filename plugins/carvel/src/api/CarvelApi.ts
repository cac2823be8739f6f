import { createApiRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  ClusterListResponse,
  DeploymentHistoryResponse,
  EntityCarvelStatus,
  PackageInstallLocationResponse,
  PackageListResponse,
  PackageVersionListResponse,
} from '@carvel-gitops/plugin-carvel-common';

/** Reads Carvel state from the `carvel` backend plugin. */
export interface CarvelApi {
  /** PackageInstalls and Apps of one catalog entity, per run cluster. */
  getEntityStatus(entityRef: CompoundEntityRef): Promise<EntityCarvelStatus>;
  /** The configured run clusters and how their watches are doing. */
  getClusters(): Promise<ClusterListResponse>;
  /** Deployments of the entity's packages, newest first; `limit` 1..1000, the backend's default 100. */
  getHistory(
    entityRef: CompoundEntityRef,
    options?: { limit?: number },
  ): Promise<DeploymentHistoryResponse>;
  /** Packages known from the GitOps repositories and the clusters. */
  getPackages(): Promise<PackageListResponse>;
  /** Versions of one package with release date and values schema, highest first. */
  getPackageVersions(packageName: string): Promise<PackageVersionListResponse>;
  /** PackageInstalls of one package on every cluster, only those running `version` when given. */
  getPackageInstalls(
    packageName: string,
    options?: { version?: string },
  ): Promise<PackageInstallLocationResponse>;
}

export const carvelApiRef = createApiRef<CarvelApi>({
  id: 'plugin.carvel.service',
});
