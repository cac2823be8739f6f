import {
  ANNOTATION_APP_PACKAGE_REF_NAME,
  ANNOTATION_APP_PACKAGE_VERSION,
  type App,
  type AppSpec,
  type AppStatus,
  KAPPCTRL_API_VERSION,
  PACKAGING_API_VERSION,
  type PackageInstall,
} from '@carvel-gitops/plugin-carvel-common';
import { SIMULATED_ANNOTATION } from '../kinds';
import { failedStatus, succeededStatus } from './carvelStatus';
import type { AppDeployment } from './decidePackageInstall';

const DEFAULT_SYNC_PERIOD = '10m0s';

type TemplateStep = Record<string, unknown> & {
  ytt?: { valuesFrom?: unknown[] };
  helmTemplate?: { valuesFrom?: unknown[] };
};

/** The values Secrets go to the first ytt or helmTemplate step, as kapp-controller does. */
function withValuesFrom(
  template: TemplateStep[],
  install: PackageInstall,
): TemplateStep[] {
  const valuesFrom = (install.spec.values ?? []).map(v => ({
    secretRef: { name: v.secretRef.name },
  }));
  if (valuesFrom.length === 0) return template;
  const index = template.findIndex(step => step.ytt || step.helmTemplate);
  if (index < 0) return template;
  return template.map((step, i) => {
    if (i !== index) return step;
    const key = step.ytt ? 'ytt' : 'helmTemplate';
    const options = step[key] ?? {};
    return {
      ...step,
      [key]: {
        ...options,
        valuesFrom: [...(options.valuesFrom ?? []), ...valuesFrom],
      },
    };
  });
}

/** The App a PackageInstall owns: the Package's template spec plus the PackageInstall's settings. */
export function packageInstallApp(
  install: PackageInstall,
  deployment: AppDeployment,
): App {
  const packageSpec = (deployment.package.spec.template?.spec ?? {}) as AppSpec;
  const spec: AppSpec = {
    ...packageSpec,
    template: withValuesFrom(
      (packageSpec.template ?? []) as TemplateStep[],
      install,
    ),
    syncPeriod: install.spec.syncPeriod ?? DEFAULT_SYNC_PERIOD,
  };
  if (install.spec.serviceAccountName) {
    spec.serviceAccountName = install.spec.serviceAccountName;
  } else if (install.spec.cluster) {
    spec.cluster = install.spec.cluster;
  }
  if (install.spec.paused) spec.paused = true;
  if (install.spec.canceled) spec.canceled = true;
  return {
    apiVersion: KAPPCTRL_API_VERSION,
    kind: 'App',
    metadata: {
      name: install.metadata.name,
      namespace: install.metadata.namespace,
      annotations: {
        [ANNOTATION_APP_PACKAGE_REF_NAME]: install.spec.packageRef.refName,
        [ANNOTATION_APP_PACKAGE_VERSION]: deployment.version,
        [SIMULATED_ANNOTATION]: 'true',
      },
      ownerReferences: [
        {
          apiVersion: PACKAGING_API_VERSION,
          kind: 'PackageInstall',
          name: install.metadata.name,
          uid: install.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    } as App['metadata'],
    spec,
  };
}

const SIMULATED_DEPLOY_OUTPUT =
  'Simulated by the demo kapp-controller stand-in: nothing was deployed.\nSucceeded';

/**
 * The App's status after its reconcile at `now`. A failed template step leaves the last
 * deploy as it was, as kapp-controller does.
 */
export function packageInstallAppStatus(
  deployment: AppDeployment,
  options: { generation?: number; previous?: AppStatus; now: string },
): AppStatus {
  const { previous, now } = options;
  const fetch = { exitCode: 0, startedAt: now, updatedAt: now };
  const failure = deployment.templateFailure;
  if (failure) {
    return failedStatus<AppStatus & Record<string, unknown>>(
      {
        observedGeneration: options.generation,
        consecutiveReconcileFailures:
          (previous?.consecutiveReconcileFailures ?? 0) + 1,
        fetch,
        template: {
          exitCode: failure.stderr ? 1 : -1,
          error: failure.message,
          ...(failure.stderr ? { stderr: failure.stderr } : {}),
          updatedAt: now,
        },
        ...(previous?.deploy ? { deploy: previous.deploy } : {}),
      },
      {
        message: failure.message,
        usefulErrorMessage: failure.stderr ?? failure.message,
        fullDescription: true,
      },
    );
  }
  return succeededStatus<AppStatus & Record<string, unknown>>({
    observedGeneration: options.generation,
    consecutiveReconcileSuccesses:
      (previous?.consecutiveReconcileSuccesses ?? 0) + 1,
    fetch,
    template: { exitCode: 0, updatedAt: now },
    deploy: {
      exitCode: 0,
      finished: true,
      startedAt: now,
      updatedAt: now,
      stdout: SIMULATED_DEPLOY_OUTPUT,
    } as AppStatus['deploy'],
  });
}
