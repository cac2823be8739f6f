import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { carvelStatusReadPermission } from '@carvel-gitops/plugin-carvel-common';

export interface EntityAccess {
  catalog: CatalogService;
  permissions: PermissionsService;
}

/**
 * The entity as the caller sees it in the catalog (NotFoundError if they may not), once
 * `carvel.status.read` allows them its Carvel data (NotAllowedError otherwise).
 */
export async function findReadableEntity(
  access: EntityAccess,
  entityRef: CompoundEntityRef,
  credentials: BackstageCredentials,
): Promise<Entity> {
  const entity = await access.catalog.getEntityByRef(entityRef, {
    credentials,
  });
  if (!entity) {
    throw new NotFoundError(`No entity ${stringifyEntityRef(entityRef)}`);
  }
  const ref = stringifyEntityRef(entity);
  const [decision] = await access.permissions.authorize(
    [{ permission: carvelStatusReadPermission, resourceRef: ref }],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `Not allowed to read the Carvel status of ${ref}`,
    );
  }
  return entity;
}
