import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import {
  createCarvelAppAction,
  createCarvelFetchAction,
  createCarvelPackageInstallAction,
  createCarvelPromoteAction,
  createCarvelPushAction,
  createCarvelRbacAction,
} from './actions';
import { RunningVersionsClient } from './gitops/runningVersions';
import {
  GitRepositories,
  GITOPS_PUSHED_TOPIC,
} from '@carvel-gitops/plugin-carvel-node';

/** Registers the `carvel:gitops:*` scaffolder actions. */
export const scaffolderModuleCarvel = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'carvel',
  register({ registerInit }) {
    registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        events: eventsServiceRef,
        logger: coreServices.logger,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
      },
      async init({ scaffolder, config, events, logger, discovery, auth }) {
        const repositories = GitRepositories.fromConfig(config);
        const onPushed = (eventPayload: object) =>
          events
            .publish({ topic: GITOPS_PUSHED_TOPIC, eventPayload })
            .catch(error =>
              logger.warn(`Could not announce a GitOps push: ${error}`),
            );
        scaffolder.addActions(
          createCarvelFetchAction({ repositories }),
          createCarvelPackageInstallAction(),
          createCarvelAppAction(),
          createCarvelRbacAction(),
          createCarvelPushAction({ repositories, onPushed }),
          createCarvelPromoteAction({
            runningVersions: new RunningVersionsClient({ discovery, auth }),
          }),
        );
      },
    });
  },
});
