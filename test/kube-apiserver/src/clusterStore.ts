import { StoredObject } from './collection';
import { notFound } from './errors';
import { applyMergePatch } from './patch';
import { JsonObject, ResourceRegistry, ResourceType } from './resources';
import {
  compileObjectFilter,
  parseFieldSelector,
  parseLabelSelector,
} from './selectors';
import { ObjectStore } from './store';

export interface KubeObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  finalizers?: string[];
  ownerReferences?: unknown[];
  [field: string]: unknown;
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: KubeObjectMeta;
  [field: string]: unknown;
}

export interface ObjectRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

export interface ListQuery {
  apiVersion: string;
  kind: string;
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

/**
 * Direct access to a simulated cluster's objects for tests and the demo. Writes have the API's
 * semantics and emit watch events; reads return copies. `create` is for seeding and keeps what a
 * client could not set over HTTP: status, generation, creationTimestamp, deletionTimestamp, uid.
 */
export class ClusterStore {
  constructor(
    private readonly objects: ObjectStore,
    private readonly registry: ResourceRegistry,
  ) {}

  /** The cluster's current resourceVersion. */
  get resourceVersion(): string {
    return String(this.objects.revision);
  }

  private typeOf(ref: { apiVersion: string; kind: string }): ResourceType {
    const type = this.registry.findByKind(ref.apiVersion, ref.kind);
    if (!type) {
      throw new Error(
        `${ref.kind} (${ref.apiVersion}) is not served by this cluster`,
      );
    }
    return type;
  }

  private static copy(stored: StoredObject): KubeObject {
    return JSON.parse(stored.json) as KubeObject;
  }

  create(object: KubeObject): KubeObject {
    const stored = this.objects.create(
      this.typeOf(object),
      object as JsonObject,
      {
        mode: 'seed',
      },
    );
    return ClusterStore.copy(stored);
  }

  /** PUT semantics: status is kept as it is (use updateStatus); a resourceVersion, if given, must match. */
  update(object: KubeObject): KubeObject {
    return ClusterStore.copy(
      this.objects.update(this.typeOf(object), object as JsonObject, {
        mode: 'seed',
      }),
    );
  }

  updateStatus(object: KubeObject): KubeObject {
    const type = this.typeOf(object);
    const stored = type.hasStatusSubresource
      ? this.objects.updateStatus(type, object as JsonObject, { mode: 'seed' })
      : this.objects.update(type, object as JsonObject, { mode: 'seed' });
    return ClusterStore.copy(stored);
  }

  /** JSON merge patch of the object, or of its status with `{ subresource: 'status' }`. */
  patch(
    ref: ObjectRef,
    mergePatch: Record<string, unknown>,
    options: { subresource?: 'status' } = {},
  ): KubeObject {
    const type = this.typeOf(ref);
    const existing = this.objects.get(type, ref.namespace ?? '', ref.name);
    if (!existing) {
      throw notFound(type, ref.name);
    }
    const patched = applyMergePatch(existing.object, mergePatch) as JsonObject;
    return options.subresource === 'status'
      ? this.updateStatus(patched as KubeObject)
      : this.update(patched as KubeObject);
  }

  /** Deletes, or only marks for deletion while finalizers remain; returns the object's last state. */
  delete(ref: ObjectRef): KubeObject {
    const result = this.objects.delete(
      this.typeOf(ref),
      ref.namespace ?? '',
      ref.name,
    );
    return ClusterStore.copy(result.object);
  }

  get(ref: ObjectRef): KubeObject | undefined {
    const stored = this.objects.get(
      this.typeOf(ref),
      ref.namespace ?? '',
      ref.name,
    );
    return stored && ClusterStore.copy(stored);
  }

  list(query: ListQuery): KubeObject[] {
    const type = this.typeOf(query);
    const filter = compileObjectFilter(
      parseLabelSelector(query.labelSelector ?? ''),
      parseFieldSelector(query.fieldSelector ?? '', [
        'metadata.name',
        'metadata.namespace',
        ...type.selectableFields,
      ]),
    );
    return this.objects
      .collection(type)
      .list(type.namespaced ? query.namespace : undefined, filter)
      .map(ClusterStore.copy);
  }
}
