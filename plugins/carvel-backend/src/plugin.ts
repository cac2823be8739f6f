import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { carvelPermissions } from '@carvel-gitops/plugin-carvel-common';
import { registerCarvelActions } from './actions/registerCarvelActions';
import { ClusterFleet } from './cluster/ClusterFleet';
import { readWatchSettings } from './cluster/WatchSettings';
import { followClusterConfig } from './config/followClusterConfig';
import { followGitopsPushes } from './gitops/followGitopsPushes';
import { GitopsRepositoryMirror } from './gitops/GitopsRepositoryMirror';
import { startDeploymentHistory } from './history/startDeploymentHistory';
import { createRouter } from './router';
import { CarvelStatusService } from './service/CarvelStatusService';
import { commitWebUrl } from './service/commitWebUrl';
import { DeliveredCommitLookup } from './service/DeliveredCommitLookup';
import { HistoryService } from './service/HistoryService';
import { PackageCatalogService } from './service/PackageCatalogService';
import { ReadableEntities } from './service/readableEntity';
import {
  notifyGitopsChanges,
  notifyStatusChanges,
} from './service/StatusChangeNotifier';
import {
  readAccessReuseMs,
  readMaxItemsPerCluster,
} from './service/statusConfig';

/** Watches Carvel Packages, PackageInstalls and Apps on every configured cluster and serves their state. */
export const carvelPlugin = createBackendPlugin({
  pluginId: 'carvel',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        lifecycle: coreServices.rootLifecycle,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        signals: signalsServiceRef,
        events: eventsServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init(deps) {
        const { config, logger, lifecycle } = deps;
        deps.permissionsRegistry.addPermissions(carvelPermissions);
        const fleet = new ClusterFleet({
          logger,
          settings: readWatchSettings(config),
        });
        const gitopsMirror = GitopsRepositoryMirror.fromConfig(config, logger);
        const history = await startDeploymentHistory({
          database: deps.database,
          scheduler: deps.scheduler,
          config,
          logger,
          fleet,
          commits: new DeliveredCommitLookup({
            clusters: () => fleet.clusters(),
            mirror: gitopsMirror,
          }),
        });
        await gitopsMirror.start(deps.scheduler);
        await followGitopsPushes({
          events: deps.events,
          mirror: gitopsMirror,
          logger,
        });
        const unfollowConfig = followClusterConfig(fleet, config, logger);
        const stopNotifying = notifyStatusChanges({
          fleet,
          signals: deps.signals,
          logger,
        });
        const stopNotifyingGitops = notifyGitopsChanges({
          mirror: gitopsMirror,
          signals: deps.signals,
          logger,
        });
        lifecycle.addShutdownHook(async () => {
          unfollowConfig();
          stopNotifying();
          stopNotifyingGitops();
          await history.stop();
          gitopsMirror.stop();
          fleet.stop();
        });

        const integrations = ScmIntegrations.fromConfig(config);
        const commitUrl = (repository: string, sha: string) =>
          commitWebUrl(repository, sha, url => integrations.byUrl(url)?.type);
        const initialSyncTimeoutMs =
          config.getOptionalNumber('carvel.initialSyncTimeoutMs') ?? 3000;
        const maxItemsPerCluster = readMaxItemsPerCluster(config);
        const readableEntities = new ReadableEntities({
          catalog: deps.catalog,
          permissions: deps.permissions,
          accessReuseMs: readAccessReuseMs(config),
        });
        const statusService = new CarvelStatusService({
          fleet,
          catalog: deps.catalog,
          permissions: deps.permissions,
          readableEntities,
          initialSyncTimeoutMs,
          maxItemsPerCluster,
          desiredState: gitopsMirror,
          commitUrl,
        });
        const packageCatalog = new PackageCatalogService({
          fleet,
          permissions: deps.permissions,
          desiredState: gitopsMirror,
          initialSyncTimeoutMs,
          maxItemsPerCluster,
        });
        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            statusService,
            historyService: new HistoryService({
              catalog: deps.catalog,
              permissions: deps.permissions,
              readableEntities,
              store: history.store,
              desiredState: gitopsMirror,
              commitUrl,
            }),
            packageCatalog,
          }),
        );
        registerCarvelActions(deps.actionsRegistry, {
          statusService,
          packageCatalog,
        });
      },
    });
  },
});
