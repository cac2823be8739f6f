import { posix } from 'node:path';

/**
 * Checks a workspace-relative folder such as `app.default.tap` or `delivery/app.default.tap`:
 * relative, already normalised, no `..` segments, no backslashes.
 */
export function checkRelativeFolder(
  value: unknown,
  what: string,
): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') {
    return `${what} must be a non-empty relative path`;
  }
  if (value.startsWith('/') || /^[a-zA-Z]:/.test(value)) {
    return `${what} '${value}' must be relative to the workspace, not absolute`;
  }
  if (value.includes('\\') || value.includes('\0')) {
    return `${what} '${value}' must use '/' as separator and contain no control characters`;
  }
  const segments = value.split('/');
  if (segments.some(s => s === '..')) {
    return `${what} '${value}' must stay inside the workspace ('..' is not allowed)`;
  }
  if (
    segments.some(s => s === '' || s === '.') ||
    posix.normalize(value) !== value
  ) {
    return `${what} '${value}' must be a normalised path without empty or '.' segments`;
  }
  return undefined;
}

/** Where the GitOps files of one package live, relative to the workspace. */
export const gitopsLayout = {
  packagesFolder: (path: string) => `${path}/packages`,
  clusterFolder: (path: string, cluster: string) => `${path}/${cluster}`,
  packageInstallFile: (path: string, cluster: string) =>
    `${path}/${cluster}/packageinstall.yaml`,
  valuesFile: (path: string, cluster: string) =>
    `${path}/${cluster}/params.yaml`,
  rbacFile: (path: string, cluster: string) => `${path}/${cluster}/rbac.yaml`,
  appFile: (path: string, cluster: string) => `${path}/apps/${cluster}.yaml`,
};
