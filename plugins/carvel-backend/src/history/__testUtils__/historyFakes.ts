import {
  ANNOTATION_APP_PACKAGE_REF_NAME,
  ANNOTATION_APP_PACKAGE_VERSION,
  type ClusterSyncState,
  type PackageInstall,
} from '@carvel-gitops/plugin-carvel-common';
import type { SlimApp } from '../../cluster/carvelResources';
import type { ObservedFleet } from '../DeploymentHistoryRecorder';

/** The App kapp-controller made for a PackageInstall, after deploying `version` at `deployedAt`. */
export function ownedApp(
  installName: string,
  version: string,
  deployedAt: string,
  options: { condition?: string; generation?: number } = {},
): SlimApp {
  return {
    apiVersion: 'kappctrl.k14s.io/v1alpha1',
    kind: 'App',
    metadata: {
      name: installName,
      namespace: 'apps',
      generation: options.generation ?? 1,
      annotations: {
        [ANNOTATION_APP_PACKAGE_REF_NAME]: 'app.default.tap',
        [ANNOTATION_APP_PACKAGE_VERSION]: version,
      },
    },
    spec: {},
    status: {
      observedGeneration: 1,
      conditions: [
        { type: options.condition ?? 'ReconcileSucceeded', status: 'True' },
      ],
      deploy: { updatedAt: deployedAt },
    },
    ownerPackageInstall: installName,
  } as SlimApp;
}

/** A fleet whose clusters' contents a test sets, and whose change notifications it sends. */
export function settableFleet() {
  const contents = new Map<
    string,
    { installs: PackageInstall[]; apps: SlimApp[]; state: ClusterSyncState }
  >();
  const listeners = new Set<
    (packageNames: Set<string>, clusters: Set<string>) => void
  >();
  const fleet: ObservedFleet = {
    onPackageChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    clusters: () =>
      [...contents].map(([name, content]) => ({
        name,
        state: content.state,
        packageInstalls: {
          get: (packageName: string) =>
            content.installs.filter(
              i => i.spec.packageRef.refName === packageName,
            ),
        },
        apps: {
          get: (packageName: string) =>
            content.apps.filter(
              a =>
                a.metadata.annotations?.[ANNOTATION_APP_PACKAGE_REF_NAME] ===
                packageName,
            ),
        },
      })),
  };
  return {
    fleet,
    /** Replaces a cluster's contents and tells the listeners, as the fleet does after a watch event. */
    set(
      cluster: string,
      installs: PackageInstall[],
      apps: SlimApp[] = [],
      state: ClusterSyncState = 'synced',
    ) {
      contents.set(cluster, { installs, apps, state });
      const packageNames = new Set(
        installs.map(i => i.spec.packageRef.refName),
      );
      listeners.forEach(l => l(packageNames, new Set([cluster])));
    },
  };
}
