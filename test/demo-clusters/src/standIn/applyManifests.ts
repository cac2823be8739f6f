import type {
  ClusterStore,
  KubeObject,
  ObjectRef,
} from '@carvel-gitops/kube-apiserver-sim';
import { describeRef } from './kinds';

export interface ApplyResult {
  /** `created Secret apps/app-values`, ... */
  changes: string[];
  failures: string[];
}

/** kapp's default order: RBAC, Secrets and the like first, Packages before PackageInstalls (the change group). */
const KIND_RANK: Record<string, number> = {
  Namespace: 0,
  ServiceAccount: 1,
  Role: 1,
  RoleBinding: 1,
  ClusterRole: 1,
  ClusterRoleBinding: 1,
  Secret: 1,
  ConfigMap: 1,
  Package: 2,
  PackageMetadata: 2,
  PackageInstall: 4,
};
const rankOf = (kind: string) => KIND_RANK[kind] ?? 3;

export function refOf(object: KubeObject): ObjectRef {
  return {
    apiVersion: object.apiVersion,
    kind: object.kind,
    namespace: object.metadata.namespace,
    name: object.metadata.name ?? '',
  };
}

/** The API server turns stringData into base64 data; the simulated one leaves that to its writers. */
function storedForm(object: KubeObject): KubeObject {
  if (object.kind !== 'Secret' || !object.stringData) return object;
  const { stringData, ...rest } = object;
  const data: Record<string, string> = {
    ...((object.data as Record<string, string> | undefined) ?? {}),
  };
  for (const [key, value] of Object.entries(
    stringData as Record<string, string>,
  )) {
    data[key] = Buffer.from(String(value)).toString('base64');
  }
  return { ...rest, data };
}

const SERVER_MANAGED_METADATA = [
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
];

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, canonical(v)]),
  );
}

/** The fields a writer controls, independent of key order (what kapp diffs). */
function writableContent(object: KubeObject): string {
  const { status: _status, ...rest } = object;
  const metadata = { ...object.metadata };
  SERVER_MANAGED_METADATA.forEach(field => delete metadata[field]);
  return JSON.stringify(canonical({ ...rest, metadata }));
}

function applyOne(store: ClusterStore, object: KubeObject): string | undefined {
  const ref = refOf(object);
  const desired = storedForm(object);
  const existing = store.get(ref);
  if (!existing) {
    store.create(desired);
    return `created ${describeRef(ref)}`;
  }
  if (existing.metadata.deletionTimestamp) {
    throw new Error(`${describeRef(ref)} is still being deleted`);
  }
  // Like kapp's merge, keep what controllers added (finalizers); the status is the controller's anyway.
  const next = {
    ...desired,
    metadata: { ...desired.metadata, finalizers: existing.metadata.finalizers },
  };
  if (writableContent(next) === writableContent(existing)) return undefined;
  store.update(next);
  return `updated ${describeRef(ref)}`;
}

/**
 * kapp deploy semantics on a simulated cluster: create or update every desired object, then
 * delete the objects an earlier deploy created that are no longer wanted.
 */
export function applyManifests(
  store: ClusterStore,
  desired: KubeObject[],
  obsolete: ObjectRef[],
): ApplyResult {
  const result: ApplyResult = { changes: [], failures: [] };
  const attempt = (action: () => string | undefined) => {
    try {
      const change = action();
      if (change) result.changes.push(change);
    } catch (error) {
      result.failures.push((error as Error).message);
    }
  };
  for (const object of [...desired].sort(
    (a, b) => rankOf(a.kind) - rankOf(b.kind),
  )) {
    attempt(() => applyOne(store, object));
  }
  for (const ref of [...obsolete].sort(
    (a, b) => rankOf(b.kind) - rankOf(a.kind),
  )) {
    attempt(() => {
      const existing = store.get(ref);
      if (!existing || existing.metadata.deletionTimestamp) return undefined;
      store.delete(ref);
      return `deleted ${describeRef(ref)}`;
    });
  }
  return result;
}
