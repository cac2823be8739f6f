import {
  readGitopsAppDelivery,
  type DesiredGitopsApp,
  type GitopsAppDelivery,
} from '@carvel-gitops/plugin-carvel-common';
import type { SlimApp } from '../cluster/carvelResources';
import type { ClusterView } from './buildClusterState';
import type { DeployedCommitMemory } from './DeployedCommitMemory';
import { namespacedName } from '../cluster/NamespacedObjects';

export interface DeliveringApp extends GitopsAppDelivery {
  /** The watched cluster the App lives on (the build cluster). */
  cluster: string;
  namespace: string;
  name: string;
}

export interface DeliveringApps {
  /** The App delivering `packageName` to `cluster`; one that proved a deployed commit first. */
  find(packageName: string, cluster: string): DeliveringApp | undefined;
  /** The run cluster git's `<package>/apps/<cluster>.yaml` places the App `namespace/name` on. */
  gitTargetOf(namespace: string, name: string): string | undefined;
}

/**
 * The GitOps Apps of every watched cluster (not only those the entity shows: the build cluster
 * rarely is one), keyed by package and the run cluster they deploy to. An App without the
 * generator's label is placed by git's `<package>/apps/<cluster>.yaml` of the same name.
 */
export function indexDeliveringApps(
  views: Array<Pick<ClusterView, 'name' | 'apps'>>,
  packageNames: string[],
  appsInGit: DesiredGitopsApp[],
  memory?: DeployedCommitMemory,
): DeliveringApps {
  const gitTargets = new Map(
    appsInGit.map(a => [namespacedName(a.namespace, a.name), a.targetCluster]),
  );
  const byTarget = new Map<string, DeliveringApp>();
  for (const view of views) {
    for (const packageName of packageNames) {
      for (const app of view.apps.get(packageName)) {
        const delivering = deliveringAppOf(view.name, app, gitTargets);
        if (!delivering || delivering.packageName !== packageName) continue;
        const deployedCommit = memory?.deployedCommit(
          delivering,
          delivering.deployedCommit,
        );
        if (deployedCommit) delivering.deployedCommit = deployedCommit;
        const key = `${packageName}\n${delivering.targetCluster}`;
        const known = byTarget.get(key);
        if (!known || (!known.deployedCommit && delivering.deployedCommit)) {
          byTarget.set(key, delivering);
        }
      }
    }
  }
  return {
    find: (packageName, cluster) => byTarget.get(`${packageName}\n${cluster}`),
    gitTargetOf: (namespace, name) =>
      gitTargets.get(namespacedName(namespace, name)),
  };
}

function deliveringAppOf(
  cluster: string,
  app: SlimApp,
  gitTargets: Map<string, string>,
): DeliveringApp | undefined {
  if (app.ownerPackageInstall) return undefined;
  const delivery = readGitopsAppDelivery(app, app.fetchedCommit);
  const targetCluster =
    delivery.targetCluster ??
    gitTargets.get(namespacedName(app.metadata.namespace, app.metadata.name));
  if (!targetCluster) return undefined;
  return {
    ...delivery,
    targetCluster,
    cluster,
    namespace: app.metadata.namespace ?? '',
    name: app.metadata.name,
  };
}
