/** A file of the GitOps layout the backend reads; `packageFolder` may be nested (`delivery/app.default.tap`). */
export type GitopsFile =
  | {
      kind: 'packageInstall';
      path: string;
      packageFolder: string;
      cluster: string;
    }
  | { kind: 'app'; path: string; packageFolder: string; cluster: string };

const RESERVED_FOLDERS = new Set(['apps', 'packages']);
const PACKAGE_INSTALL_FILE = /^(.+)\/([^/]+)\/packageinstall\.yaml$/;
const APP_FILE = /^(.+)\/apps\/([^/]+)\.yaml$/;

/** Which layout file `path` (repository-relative, '/'-separated) is, if any. */
export function gitopsFileOf(path: string): GitopsFile | undefined {
  const app = APP_FILE.exec(path);
  if (app) {
    return { kind: 'app', path, packageFolder: app[1], cluster: app[2] };
  }
  const install = PACKAGE_INSTALL_FILE.exec(path);
  if (install && !RESERVED_FOLDERS.has(install[2])) {
    return {
      kind: 'packageInstall',
      path,
      packageFolder: install[1],
      cluster: install[2],
    };
  }
  return undefined;
}
