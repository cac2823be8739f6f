export {
  createCarvelPackageInstallAction,
  PACKAGE_INSTALL_ACTION_ID,
} from './packageInstall';
export { createCarvelAppAction, APP_ACTION_ID } from './app';
export { createCarvelRbacAction, RBAC_ACTION_ID } from './rbac';
export { createCarvelFetchAction, FETCH_ACTION_ID } from './fetch';
export { createCarvelPushAction, PUSH_ACTION_ID, commitAuthorOf } from './push';
export { createCarvelPromoteAction, PROMOTE_ACTION_ID } from './promote';
