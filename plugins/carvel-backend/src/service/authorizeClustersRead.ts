import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { carvelClustersReadPermission } from '@carvel-gitops/plugin-carvel-common';

/** Throws NotAllowedError unless `carvel.clusters.read` allows the caller what spans every cluster. */
export async function authorizeClustersRead(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  what: string,
): Promise<void> {
  const [decision] = await permissions.authorize(
    [{ permission: carvelClustersReadPermission }],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(`Not allowed to ${what}`);
  }
}
