import type {
  ClusterCarvelState,
  PackageInstallLocationResponse,
} from '@carvel-gitops/plugin-carvel-common';

/**
 * Where a package is installed, from the same per-cluster states `/status` answers with: every
 * PackageInstall, optionally only those whose running `version` is exactly `version`.
 */
export function packageInstallLocations(
  states: ClusterCarvelState[],
  version?: string,
): PackageInstallLocationResponse {
  const response: PackageInstallLocationResponse = {
    items: [],
    clusterErrors: [],
  };
  for (const state of states) {
    if (state.error) {
      response.clusterErrors.push({
        cluster: state.name,
        error: state.error,
        ...(state.stale ? { stale: state.stale } : {}),
      });
    }
    if (state.truncated) {
      response.truncated ??= [];
      response.truncated.push({
        cluster: state.name,
        omitted: state.truncated,
      });
    }
    for (const install of state.packageInstalls) {
      if (version !== undefined && install.version !== version) continue;
      response.items.push({
        cluster: state.name,
        namespace: install.namespace,
        name: install.name,
        packageName: install.packageName,
        ...(install.constraints !== undefined
          ? { constraints: install.constraints }
          : {}),
        ...(install.version !== undefined ? { version: install.version } : {}),
        ...(install.lastAttemptedVersion !== undefined
          ? { lastAttemptedVersion: install.lastAttemptedVersion }
          : {}),
        status: install.status,
        ...(install.updatedAt ? { updatedAt: install.updatedAt } : {}),
        ...(state.error ? { stale: true } : {}),
      });
    }
  }
  return response;
}
