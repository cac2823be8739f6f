import {
  createPermission,
  type Permission,
} from '@backstage/plugin-permission-common';

/** The catalog's resource type (RESOURCE_TYPE_CATALOG_ENTITY of @backstage/plugin-catalog-common). */
export const CARVEL_STATUS_RESOURCE_TYPE = 'catalog-entity';

/**
 * Read the Carvel delivery status of a catalog entity, checked with the entity's ref, so a
 * policy can decide with the catalog's rules (e.g. only the entity's owners).
 */
export const carvelStatusReadPermission = createPermission({
  name: 'carvel.status.read',
  attributes: { action: 'read' },
  resourceType: CARVEL_STATUS_RESOURCE_TYPE,
});

/** List the watched clusters and their sync state (no entity involved). */
export const carvelClustersReadPermission = createPermission({
  name: 'carvel.clusters.read',
  attributes: { action: 'read' },
});

/** Every permission of the Carvel plugins, for the permission registry. */
export const carvelPermissions: Permission[] = [
  carvelStatusReadPermission,
  carvelClustersReadPermission,
];
