import {
  ANNOTATION_APP_PACKAGE_REF_NAME,
  ANNOTATION_APP_PACKAGE_VERSION,
  type App,
  type AppSpec,
  KAPPCTRL_API_VERSION,
  type Package,
  PACKAGING_API_VERSION,
  type PackageInstall,
  type PackageInstallSpec,
} from '@carvel-gitops/plugin-carvel-common';
import { SIMULATED_ANNOTATION } from '../kinds';

/** The fields kapp-controller's PackageInstall and App specs have beyond carvel-common's types. */
export type FullPackageInstallSpec = PackageInstallSpec & {
  defaultNamespace?: string;
};
export type FullAppSpec = AppSpec & {
  noopDelete?: boolean;
  defaultNamespace?: string;
};

export const MANUALLY_CONTROLLED_ANNOTATION =
  'ext.packaging.carvel.dev/manually-controlled';

const DEFAULT_SYNC_PERIOD = '10m0s';

type TemplateStep = Record<string, unknown> & {
  ytt?: { valuesFrom?: unknown[] };
  helmTemplate?: { valuesFrom?: unknown[] };
};

/** The values Secrets go to the first ytt or helmTemplate step (pkg/packageinstall/app.go:101-180 at e4b4822). */
function withValuesFrom(
  template: TemplateStep[],
  install: PackageInstall,
): TemplateStep[] {
  const valuesFrom = (install.spec.values ?? []).map(v => ({
    secretRef: { name: v.secretRef?.name },
  }));
  if (valuesFrom.length === 0) return template;
  const index = template.findIndex(step => step.ytt || step.helmTemplate);
  if (index < 0) return template;
  return template.map((step, i) => {
    if (i !== index) return step;
    const key = step.helmTemplate ? 'helmTemplate' : 'ytt';
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

/** Go's omitempty: an empty string or false is not written. */
function setOrOmit<T extends object>(
  target: T,
  field: keyof T,
  value: unknown,
): void {
  if (value === undefined || value === '' || value === false) {
    delete target[field];
  } else {
    (target as Record<keyof T, unknown>)[field] = value;
  }
}

/**
 * kapp-controller's NewApp (pkg/packageinstall/app.go:37-183 at e4b4822): the existing App
 * (metadata such as finalizers kept) with the Package's template spec and the PackageInstall's
 * serviceAccountName, syncPeriod, noopDelete, paused, canceled, cluster and defaultNamespace.
 */
export function newApp(
  existing: App | undefined,
  install: PackageInstall,
  pkg: Package,
): App {
  const annotations = existing?.metadata.annotations ?? {};
  if (existing && annotations[MANUALLY_CONTROLLED_ANNOTATION] !== undefined) {
    return existing;
  }
  const installSpec = install.spec as FullPackageInstallSpec;
  const packageSpec = structuredClone(
    (pkg.spec.template?.spec ?? {}) as FullAppSpec,
  );
  const spec: FullAppSpec = {
    ...packageSpec,
    syncPeriod: installSpec.syncPeriod ?? DEFAULT_SYNC_PERIOD,
  };
  if (packageSpec.template) {
    spec.template = withValuesFrom(
      packageSpec.template as TemplateStep[],
      install,
    );
  }
  setOrOmit(spec, 'serviceAccountName', installSpec.serviceAccountName);
  setOrOmit(spec, 'noopDelete', installSpec.noopDelete);
  setOrOmit(spec, 'paused', installSpec.paused);
  setOrOmit(spec, 'canceled', installSpec.canceled);
  setOrOmit(spec, 'cluster', installSpec.cluster);
  setOrOmit(spec, 'defaultNamespace', installSpec.defaultNamespace);
  const metadata = (existing?.metadata ?? {}) as App['metadata'];
  return {
    ...(existing ?? {}),
    apiVersion: KAPPCTRL_API_VERSION,
    kind: 'App',
    metadata: {
      ...metadata,
      name: install.metadata.name,
      namespace: install.metadata.namespace,
      annotations: {
        ...metadata.annotations,
        [ANNOTATION_APP_PACKAGE_REF_NAME]: pkg.spec.refName,
        [ANNOTATION_APP_PACKAGE_VERSION]: pkg.spec.version,
        [SIMULATED_ANNOTATION]: 'true',
      },
      ownerReferences: [
        ...(
          (metadata as { ownerReferences?: Array<{ uid?: string }> })
            .ownerReferences ?? []
        ).filter(ref => ref.uid !== install.metadata.uid),
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
