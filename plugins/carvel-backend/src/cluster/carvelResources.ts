import {
  ANNOTATION_APP_PACKAGE_REF_NAME,
  ANNOTATION_APP_PACKAGE_VERSION,
  ANNOTATION_GITOPS_APP_PACKAGE_NAME,
  fetchedCommitOf,
  LABEL_CARVEL_CLUSTER,
  type App,
  type CarvelCondition,
  type ObjectMeta,
  type Package,
  type PackageInstall,
} from '@carvel-gitops/plugin-carvel-common';
import { boundValuesSchema } from '@carvel-gitops/plugin-carvel-node';
import { slimTargetCluster, valuesSecretRefs } from './slimDeliveryFields';
import type { ValueInterner } from './ValueInterner';

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
  /**
   * Keeps only what the status API needs, reading fixed paths (never recursing over cluster data);
   * undefined when the object has no usable identity. Shared parts are taken from `values`.
   */
  slim(object: unknown, values: ValueInterner): T | undefined;
  /** Gives back the shared parts `slim` took, once the object is no longer kept. */
  release(object: T, values: ValueInterner): void;
}

type Loose = Record<string, any>;

const isObject = (value: unknown): value is Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const optionalString = (value: unknown) =>
  typeof value === 'string' ? value : undefined;
const optionalNumber = (value: unknown) =>
  typeof value === 'number' ? value : undefined;

function pickStrings(value: unknown, keys: string[]) {
  return isObject(value)
    ? Object.fromEntries(
        keys
          .filter(key => typeof value[key] === 'string')
          .map(key => [key, value[key] as string]),
      )
    : {};
}

function slimMetadata(
  object: Loose,
  annotationKeys: string[],
  shared: ValueInterner,
  labelKeys: string[] = [],
): ObjectMeta | undefined {
  const metadata = isObject(object.metadata) ? object.metadata : undefined;
  const name = optionalString(metadata?.name);
  if (!metadata || !name) return undefined;
  const identity = {
    name,
    namespace: shared.string(optionalString(metadata.namespace)),
    resourceVersion: optionalString(metadata.resourceVersion),
    generation: optionalNumber(metadata.generation),
    deletionTimestamp: optionalString(metadata.deletionTimestamp),
  };
  if (annotationKeys.length === 0 && labelKeys.length === 0) return identity;
  const annotations = pickStrings(metadata.annotations, annotationKeys);
  const labels = pickStrings(metadata.labels, labelKeys);
  const sharedAnnotations =
    Object.keys(annotations).length > 0
      ? shared.object(annotations)
      : undefined;
  // One literal with every key a resource keeps: keys spread in would give each object a separate property array.
  if (labelKeys.length === 0) {
    return {
      name: identity.name,
      namespace: identity.namespace,
      resourceVersion: identity.resourceVersion,
      generation: identity.generation,
      deletionTimestamp: identity.deletionTimestamp,
      annotations: sharedAnnotations,
    };
  }
  return {
    name: identity.name,
    namespace: identity.namespace,
    resourceVersion: identity.resourceVersion,
    generation: identity.generation,
    deletionTimestamp: identity.deletionTimestamp,
    annotations: sharedAnnotations,
    labels: Object.keys(labels).length > 0 ? shared.object(labels) : undefined,
  };
}

/** More conditions than this are not a status kapp-controller writes. */
const MAX_CONDITIONS = 20;

function slimConditions(value: unknown): CarvelCondition[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value
    .slice(0, MAX_CONDITIONS)
    .filter(isObject)
    .map(c => ({
      type: String(optionalString(c.type)),
      status: String(optionalString(c.status)),
      ...(typeof c.message === 'string' ? { message: c.message } : {}),
    }));
}

/** Statuses carrying a message change with it: sharing them would only fill the table. */
function hasMessage(status: {
  usefulErrorMessage?: string;
  conditions?: CarvelCondition[];
}): boolean {
  return (
    status.usefulErrorMessage !== undefined ||
    (status.conditions ?? []).some(c => c.message !== undefined)
  );
}

function releaseShared(
  object: { metadata: ObjectMeta; spec?: unknown; status?: unknown },
  shared: ValueInterner,
) {
  shared.release(object.metadata.namespace);
  shared.release(object.metadata.annotations);
  shared.release(object.metadata.labels);
  shared.release(object.spec);
  shared.release(object.status);
}

function prereleasesOf(value: unknown) {
  if (!isObject(value)) return undefined;
  const identifiers = Array.isArray(value.identifiers)
    ? value.identifiers.filter((i: unknown) => typeof i === 'string')
    : undefined;
  return identifiers ? { identifiers } : {};
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
  slim(object, shared) {
    if (!isObject(object)) return undefined;
    const metadata = slimMetadata(
      object,
      ['packaging.carvel.dev/downgradable'],
      shared,
    );
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
                    ? { prereleases: prereleasesOf(selection.prereleases) }
                    : {}),
                },
              }
            : {}),
        },
        serviceAccountName: optionalString(spec.serviceAccountName),
        values: valuesSecretRefs(spec.values),
        cluster: slimTargetCluster(spec.cluster),
        paused: spec.paused === true ? true : undefined,
        canceled: spec.canceled === true ? true : undefined,
      }),
      status: status
        ? shareSettled(slimInstallStatus(status), shared)
        : undefined,
    };
  },
  release: releaseShared,
};

function slimInstallStatus(status: Loose) {
  return {
    ...slimGenericStatus(status),
    version: optionalString(status.version),
    lastAttemptedVersion: optionalString(status.lastAttemptedVersion),
  };
}

function shareSettled<S extends ReturnType<typeof slimInstallStatus>>(
  status: S,
  shared: ValueInterner,
): S {
  return hasMessage(status) ? status : shared.object(status);
}

export interface SlimPackage extends Package {
  /** Why `spec.valuesSchema` was left out (over the size or depth kept), if it was. */
  valuesSchemaProblem?: string;
}

export const packageResource: CarvelResource<SlimPackage> = {
  plural: 'packages',
  group: 'data.packaging.carvel.dev',
  version: 'v1alpha1',
  paged: false,
  slim(object, shared) {
    if (!isObject(object)) return undefined;
    const metadata = slimMetadata(object, [], shared);
    const spec = isObject(object.spec) ? object.spec : undefined;
    const refName = optionalString(spec?.refName);
    const version = optionalString(spec?.version);
    if (!metadata || !refName || !version) return undefined;
    const valuesSchema = boundValuesSchema(spec);
    return {
      apiVersion: 'data.packaging.carvel.dev/v1alpha1',
      kind: 'Package',
      metadata,
      // Every Package's spec differs by version: only its repeated parts are shared.
      spec: {
        refName: shared.string(refName),
        version,
        releasedAt: optionalString(spec?.releasedAt),
        ...(valuesSchema && 'schema' in valuesSchema
          ? { valuesSchema: shared.object({ openAPIv3: valuesSchema.schema }) }
          : {}),
      },
      ...(valuesSchema && 'problem' in valuesSchema
        ? { valuesSchemaProblem: valuesSchema.problem }
        : {}),
    };
  },
  release(pkg, shared) {
    releaseShared(pkg, shared);
    shared.release(pkg.spec.refName);
    shared.release(pkg.spec.valuesSchema);
  },
};

export interface SlimApp extends App {
  ownerPackageInstall?: string;
  /** Read from `status.fetch.stdout` (vendir's lock config), which is not kept. */
  fetchedCommit?: string;
}

export const appResource: CarvelResource<SlimApp> = {
  plural: 'apps',
  group: 'kappctrl.k14s.io',
  version: 'v1alpha1',
  paged: true,
  slim(object, shared) {
    if (!isObject(object)) return undefined;
    const metadata = slimMetadata(
      object,
      [
        ANNOTATION_GITOPS_APP_PACKAGE_NAME,
        ANNOTATION_APP_PACKAGE_REF_NAME,
        ANNOTATION_APP_PACKAGE_VERSION,
      ],
      shared,
      [LABEL_CARVEL_CLUSTER],
    );
    if (!metadata) return undefined;
    const spec = isObject(object.spec) ? object.spec : {};
    const status = isObject(object.status) ? object.status : undefined;
    const owners = Array.isArray(object.metadata?.ownerReferences)
      ? object.metadata.ownerReferences
      : [];
    const owner = owners
      .slice(0, MAX_CONDITIONS)
      .find(
        (o: Loose) =>
          isObject(o) &&
          o.kind === 'PackageInstall' &&
          String(o.apiVersion).startsWith('packaging.carvel.dev/'),
      );
    const generic = status ? slimGenericStatus(status) : undefined;
    const ownerName = owner ? optionalString(owner.name) : undefined;
    return {
      apiVersion: 'kappctrl.k14s.io/v1alpha1',
      kind: 'App',
      metadata,
      spec: shared.object({
        cluster: slimTargetCluster(spec.cluster),
        paused: spec.paused === true ? true : undefined,
        canceled: spec.canceled === true ? true : undefined,
      }),
      // Deploy and fetch times differ per App and change with every sync: only the settled parts are shared.
      status:
        status && generic
          ? {
              observedGeneration: generic.observedGeneration,
              conditions:
                generic.conditions &&
                !generic.conditions.some(c => c.message !== undefined)
                  ? shared.object(generic.conditions)
                  : generic.conditions,
              friendlyDescription: shared.string(generic.friendlyDescription),
              usefulErrorMessage: generic.usefulErrorMessage,
              deploy: isObject(status.deploy)
                ? {
                    startedAt: optionalString(status.deploy.startedAt),
                    updatedAt: optionalString(status.deploy.updatedAt),
                    exitCode: optionalNumber(status.deploy.exitCode),
                    finished: status.deploy.finished === true,
                  }
                : undefined,
              fetch: isObject(status.fetch)
                ? {
                    startedAt: optionalString(status.fetch.startedAt),
                    updatedAt: optionalString(status.fetch.updatedAt),
                    exitCode: optionalNumber(status.fetch.exitCode),
                  }
                : undefined,
            }
          : undefined,
      // kapp-controller names a PackageInstall's App after it: one string for both.
      ownerPackageInstall:
        ownerName === metadata.name ? metadata.name : ownerName,
      fetchedCommit: fetchedCommitOf(object),
    };
  },
  release(app, shared) {
    releaseShared(app, shared);
    shared.release(app.status?.conditions);
    shared.release(app.status?.friendlyDescription);
  },
};
