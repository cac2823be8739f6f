import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import {
  createCarvelAppAction,
  createCarvelFetchAction,
  createCarvelPackageInstallAction,
  createCarvelPushAction,
  createCarvelRbacAction,
} from './actions';
import { GitRepositories } from '@carvel-gitops/plugin-carvel-node';

/** Registers the `carvel:gitops:*` scaffolder actions. */
export const scaffolderModuleCarvel = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'carvel',
  register({ registerInit }) {
    registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ scaffolder, config }) {
        const repositories = GitRepositories.fromConfig(config);
        scaffolder.addActions(
          createCarvelFetchAction({ repositories }),
          createCarvelPackageInstallAction(),
          createCarvelAppAction(),
          createCarvelRbacAction(),
          createCarvelPushAction({ repositories }),
        );
      },
    });
  },
});
