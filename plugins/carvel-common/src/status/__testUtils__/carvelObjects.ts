import type {
  App,
  AppSpec,
  AppStatus,
  ObjectMeta,
  PackageInstall,
  PackageInstallSpec,
  PackageInstallStatus,
} from '../../types';

export const SEE_DETAILS = 'Error (see .status.usefulErrorMessage for details)';
export const OLDER = '20230321004057.0.0';
export const PINNED = '20230405120000.0.0';
export const NEWEST = '20230418093015.0.0';

export const conditions = (type: string, message?: string) => [
  { type, status: 'True', ...(message ? { message } : {}) },
];

/** A PackageInstall shaped like the ones the TAP GitOps flow applies to a run cluster. */
export function packageInstall(parts: {
  metadata?: Partial<ObjectMeta>;
  spec?: Partial<PackageInstallSpec>;
  status?: PackageInstallStatus;
}): PackageInstall {
  return {
    apiVersion: 'packaging.carvel.dev/v1alpha1',
    kind: 'PackageInstall',
    metadata: {
      name: 'hello-app',
      namespace: 'hello-app',
      generation: 2,
      ...parts.metadata,
    },
    spec: {
      serviceAccountName: 'hello-app-pkgi-sa',
      packageRef: {
        refName: 'hello-app.default.tap',
        versionSelection: { constraints: '>=0.0.0' },
      },
      values: [{ secretRef: { name: 'hello-app-values' } }],
      ...parts.spec,
    },
    status: parts.status,
  };
}

export const pinnedTo = (constraints: string): Partial<PackageInstallSpec> => ({
  packageRef: {
    refName: 'hello-app.default.tap',
    versionSelection: { constraints },
  },
});

export const succeededStatus = (
  version: string,
  observedGeneration = 2,
): PackageInstallStatus => ({
  conditions: conditions('ReconcileSucceeded'),
  friendlyDescription: 'Reconcile succeeded',
  lastAttemptedVersion: version,
  observedGeneration,
  version,
});

/** How a PackageInstall mirrors a failed App: the text is only in usefulErrorMessage. */
export const failedStatus = (
  usefulErrorMessage: string,
  version = NEWEST,
): PackageInstallStatus => ({
  conditions: conditions('ReconcileFailed', SEE_DETAILS),
  friendlyDescription: `Reconcile failed: ${SEE_DETAILS}`,
  lastAttemptedVersion: NEWEST,
  observedGeneration: 2,
  usefulErrorMessage,
  version,
});

/** An App shaped like the outer GitOps App that deploys a run cluster's folder. */
export function app(parts: {
  metadata?: Partial<ObjectMeta>;
  spec?: AppSpec;
  status?: AppStatus & Record<string, unknown>;
}): App {
  return {
    apiVersion: 'kappctrl.k14s.io/v1alpha1',
    kind: 'App',
    metadata: {
      name: 'hello-app-run-prod',
      namespace: 'gitops-delivery',
      generation: 1,
      ...parts.metadata,
    },
    spec: parts.spec ?? {
      cluster: {
        namespace: 'hello-app',
        kubeconfigSecretRef: { name: 'run-prod-kubeconfig', key: 'value' },
      },
      fetch: [
        {
          git: {
            url: 'https://github.com/example-org/tap-gitops.git',
            ref: 'origin/main',
          },
        },
      ],
      template: [{ ytt: {} }],
      deploy: [{ kapp: { intoNs: 'hello-app' } }],
    },
    status: parts.status,
  };
}

/** The App kapp-controller created for PackageInstall hello-app, running `version`. */
export const packageInstallApp = (version: string): App =>
  app({
    metadata: {
      name: 'hello-app',
      namespace: 'hello-app',
      generation: 3,
      annotations: { 'packaging.carvel.dev/package-version': version },
    },
    spec: { serviceAccountName: 'hello-app-pkgi-sa', syncPeriod: '10m0s' },
    status: {
      conditions: conditions('ReconcileSucceeded'),
      friendlyDescription: 'Reconcile succeeded',
      observedGeneration: 3,
      fetch: { exitCode: 0, updatedAt: '2023-04-18T09:32:03Z' },
      template: { exitCode: 0, updatedAt: '2023-04-18T09:32:04Z' },
      deploy: {
        exitCode: 0,
        finished: true,
        updatedAt: '2023-04-18T09:32:19Z',
      },
    },
  });
