import {
  ANNOTATION_APP_PACKAGE_REF_NAME,
  ANNOTATION_APP_PACKAGE_VERSION,
  ANNOTATION_GITOPS_APP_PACKAGE_NAME,
  type App,
  type CarvelCondition,
  type ObjectMeta,
  type Package,
  type PackageInstall,
} from '@carvel-gitops/plugin-carvel-common';
import { sharedValues as shared } from './ValueInterner';

export type ResourcePlural = 'packageinstalls' | 'packages' | 'apps';

export interface CarvelResource<T> {
  plural: ResourcePlural;
  group: string;
  version: string;
  /**
   * Packages come from kapp-controller's aggregated API server, which forwards
   * limit/continue to two lists and returns an unusable continue token: never page it.
   */
  paged: boolean;
  /** Keeps only what the status API needs; undefined when the object has no usable identity. */
  slim(object: unknown): T | undefined;
}

type Loose = Record<string, any>;

const isObject = (value: unknown): value is Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const optionalString = (value: unknown) =>
  typeof value === 'string' ? value : undefined;
const optionalNumber = (value: unknown) =>
  typeof value === 'number' ? value : undefined;

function slimMetadata(
  object: Loose,
  annotationKeys: string[],
): ObjectMeta | undefined {
  const metadata = isObject(object.metadata) ? object.metadata : undefined;
  const name = optionalString(metadata?.name);
  if (!metadata || !name) return undefined;
  const annotations = isObject(metadata.annotations)
    ? Object.fromEntries(
        annotationKeys
          .filter(key => typeof metadata.annotations[key] === 'string')
          .map(key => [key, metadata.annotations[key] as string]),
      )
    : {};
  return {
    name,
    namespace: shared.string(optionalString(metadata.namespace)),
    resourceVersion: optionalString(metadata.resourceVersion),
    generation: optionalNumber(metadata.generation),
    deletionTimestamp: optionalString(metadata.deletionTimestamp),
    ...(Object.keys(annotations).length > 0
      ? { annotations: shared.object(annotations) }
      : {}),
  };
}

function slimConditions(value: unknown): CarvelCondition[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter(isObject).map(c => ({
    type: String(c.type),
    status: String(c.status),
    ...(typeof c.message === 'string' ? { message: c.message } : {}),
  }));
}

function slimGenericStatus(status: unknown) {
  if (!isObject(status)) return undefined;
  return {
    observedGeneration: optionalNumber(status.observedGeneration),
    conditions: slimConditions(status.conditions),
    friendlyDescription: optionalString(status.friendlyDescription),
    usefulErrorMessage: optionalString(status.usefulErrorMessage),
  };
}

export const packageInstallResource: CarvelResource<PackageInstall> = {
  plural: 'packageinstalls',
  group: 'packaging.carvel.dev',
  version: 'v1alpha1',
  paged: true,
  slim(object) {
    if (!isObject(object)) return undefined;
    const metadata = slimMetadata(object, [
      'packaging.carvel.dev/downgradable',
    ]);
    if (!metadata) return undefined;
    // A malformed spec keeps the object (it shows as 'unknown') rather than hiding it.
    const spec: Loose = isObject(object.spec) ? object.spec : {};
    const packageRef: Loose = isObject(spec.packageRef) ? spec.packageRef : {};
    const selection: Loose | undefined = isObject(packageRef.versionSelection)
      ? packageRef.versionSelection
      : undefined;
    const status = isObject(object.status) ? object.status : undefined;
    return {
      apiVersion: 'packaging.carvel.dev/v1alpha1',
      kind: 'PackageInstall',
      metadata,
      spec: shared.object({
        packageRef: {
          refName: optionalString(packageRef.refName) as string,
          ...(selection
            ? {
                versionSelection: {
                  constraints: optionalString(selection.constraints),
                  ...(isObject(selection.prereleases)
                    ? { prereleases: selection.prereleases }
                    : {}),
                },
              }
            : {}),
        },
        paused: spec.paused === true ? true : undefined,
        canceled: spec.canceled === true ? true : undefined,
      }),
      status: status
        ? shared.object({
            ...slimGenericStatus(status),
            version: optionalString(status.version),
            lastAttemptedVersion: optionalString(status.lastAttemptedVersion),
          })
        : undefined,
    };
  },
};

export const packageResource: CarvelResource<Package> = {
  plural: 'packages',
  group: 'data.packaging.carvel.dev',
  version: 'v1alpha1',
  paged: false,
  slim(object) {
    if (!isObject(object)) return undefined;
    const metadata = slimMetadata(object, []);
    const spec = isObject(object.spec) ? object.spec : undefined;
    const refName = optionalString(spec?.refName);
    const version = optionalString(spec?.version);
    if (!metadata || !refName || !version) return undefined;
    return {
      apiVersion: 'data.packaging.carvel.dev/v1alpha1',
      kind: 'Package',
      metadata,
      spec: shared.object({
        refName,
        version,
        releasedAt: optionalString(spec?.releasedAt),
      }),
    };
  },
};

export interface SlimApp extends App {
  ownerPackageInstall?: string;
}

export const appResource: CarvelResource<SlimApp> = {
  plural: 'apps',
  group: 'kappctrl.k14s.io',
  version: 'v1alpha1',
  paged: true,
  slim(object) {
    if (!isObject(object)) return undefined;
    const metadata = slimMetadata(object, [
      ANNOTATION_GITOPS_APP_PACKAGE_NAME,
      ANNOTATION_APP_PACKAGE_REF_NAME,
      ANNOTATION_APP_PACKAGE_VERSION,
    ]);
    if (!metadata) return undefined;
    const spec = isObject(object.spec) ? object.spec : {};
    const status = isObject(object.status) ? object.status : undefined;
    const owners = Array.isArray(object.metadata?.ownerReferences)
      ? object.metadata.ownerReferences
      : [];
    const owner = owners.find(
      (o: Loose) =>
        isObject(o) &&
        o.kind === 'PackageInstall' &&
        String(o.apiVersion).startsWith('packaging.carvel.dev/'),
    );
    const timestamps = (step: unknown) =>
      isObject(step)
        ? {
            startedAt: optionalString(step.startedAt),
            updatedAt: optionalString(step.updatedAt),
          }
        : undefined;
    return {
      apiVersion: 'kappctrl.k14s.io/v1alpha1',
      kind: 'App',
      metadata,
      spec: shared.object({
        paused: spec.paused === true ? true : undefined,
        canceled: spec.canceled === true ? true : undefined,
      }),
      // Deploy times differ per App: only the rest of the status is shared.
      status: status
        ? {
            ...shared.object(slimGenericStatus(status)),
            deploy: timestamps(status.deploy),
            fetch: timestamps(status.fetch),
          }
        : undefined,
      ownerPackageInstall: owner ? optionalString(owner.name) : undefined,
    };
  },
};
