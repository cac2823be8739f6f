import { createPermission } from '@backstage/plugin-permission-common';

/** Read the Carvel delivery status of a catalog entity. */
export const carvelStatusReadPermission = createPermission({
  name: 'carvel.status.read',
  attributes: { action: 'read' },
});

export const carvelPermissions = [carvelStatusReadPermission];
