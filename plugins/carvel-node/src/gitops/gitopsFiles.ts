/** A file of the GitOps layout the backend reads; `packageFolder` may be nested (`delivery/app.default.tap`). */
export type GitopsFile =
  | {
      kind: 'packageInstall';
      path: string;
      packageFolder: string;
      cluster: string;
    }
  | { kind: 'app'; path: string; packageFolder: string; cluster: string }
  | { kind: 'package'; path: string; packageFolder: string };

/** The layout file of one kind. */
export type LayoutFile<K extends GitopsFile['kind']> = Extract<
  GitopsFile,
  { kind: K }
>;

const RESERVED_FOLDERS = new Set(['apps', 'packages']);
const PACKAGE_INSTALL_FILE = /^(.+)\/([^/]+)\/packageinstall\.yaml$/;
const APP_FILE = /^(.+)\/apps\/([^/]+)\.yaml$/;
const PACKAGE_FILE = /^(.+)\/packages\/[^/]+\.ya?ml$/;

/** Which layout file `path` (repository-relative, '/'-separated) is, if any. */
export function gitopsFileOf(path: string): GitopsFile | undefined {
  const app = APP_FILE.exec(path);
  if (app) {
    return { kind: 'app', path, packageFolder: app[1], cluster: app[2] };
  }
  const packageFile = PACKAGE_FILE.exec(path);
  if (packageFile) {
    return { kind: 'package', path, packageFolder: packageFile[1] };
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
