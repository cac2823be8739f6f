import { createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import {
  createCarvelAppAction,
  createCarvelPackageInstallAction,
  createCarvelRbacAction,
} from './actions';

/** Registers the `carvel:gitops:*` scaffolder actions. */
export const scaffolderModuleCarvel = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'carvel',
  register({ registerInit }) {
    registerInit({
      deps: { scaffolder: scaffolderActionsExtensionPoint },
      async init({ scaffolder }) {
        scaffolder.addActions(
          createCarvelPackageInstallAction(),
          createCarvelAppAction(),
          createCarvelRbacAction(),
        );
      },
    });
  },
});
