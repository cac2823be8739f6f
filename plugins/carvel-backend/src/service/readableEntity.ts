import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { carvelStatusReadPermission } from '@carvel-gitops/plugin-carvel-common';

export interface EntityAccess {
  catalog: CatalogService;
  permissions: PermissionsService;
  /**
   * How long one caller's answer for one entity (the catalog's entity and the `carvel.status.read`
   * decision) is reused; 0 asks both every time. Concurrent identical questions are asked once either way.
   */
  accessReuseMs?: number;
  nowMs?: () => number;
  /** Shared by the services that ask the same questions (status and history), so a tab asks once. */
  readableEntities?: ReadableEntities;
}

/**
 * The entity as the caller sees it in the catalog (NotFoundError if they may not), once
 * `carvel.status.read` allows them its Carvel data (NotAllowedError otherwise).
 */
export async function findReadableEntity(
  access: EntityAccess,
  entityRef: CompoundEntityRef,
  credentials: BackstageCredentials,
): Promise<Entity> {
  const entity = await access.catalog.getEntityByRef(entityRef, {
    credentials,
  });
  if (!entity) {
    throw new NotFoundError(`No entity ${stringifyEntityRef(entityRef)}`);
  }
  const ref = stringifyEntityRef(entity);
  const [decision] = await access.permissions.authorize(
    [{ permission: carvelStatusReadPermission, resourceRef: ref }],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `Not allowed to read the Carvel status of ${ref}`,
    );
  }
  return entity;
}

/** Who is asking, as precisely as the catalog and the permission policy can tell callers apart. */
export function callerKey(
  credentials: BackstageCredentials,
): string | undefined {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
    actor?: { subject: string };
    accessRestrictions?: unknown;
  };
  switch (principal.type) {
    case 'user':
      return JSON.stringify([
        'user',
        principal.userEntityRef,
        principal.actor?.subject ?? null,
      ]);
    case 'service':
      return JSON.stringify([
        'service',
        principal.subject,
        principal.accessRestrictions ?? null,
      ]);
    default:
      return undefined;
  }
}

const MAX_REMEMBERED = 10_000;

/**
 * findReadableEntity for a burst of requests: one caller's allowed answer for an entity is reused for
 * a short time, and identical questions in flight are asked once. A refusal or failure is never kept.
 * Past half its reuse time an answer is asked again in the background, so a steady caller never waits
 * for the catalog and the permission backend; a refusal then ends the reuse at once.
 */
export class ReadableEntities {
  private readonly inFlight = new Map<string, Promise<Entity>>();
  private readonly allowed = new Map<
    string,
    { entity: Entity; refreshAfter: number; until: number }
  >();

  constructor(private readonly access: EntityAccess) {}

  find(
    entityRef: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    const caller = callerKey(credentials);
    if (caller === undefined) {
      return findReadableEntity(this.access, entityRef, credentials);
    }
    const key = `${caller}\n${stringifyEntityRef(entityRef)}`;
    const now = this.now();
    const remembered = this.allowed.get(key);
    if (remembered && remembered.until > now) {
      if (remembered.refreshAfter <= now && !this.inFlight.has(key)) {
        this.ask(key, entityRef, credentials).catch(() => {});
      }
      return Promise.resolve(remembered.entity);
    }
    this.allowed.delete(key);
    return this.inFlight.get(key) ?? this.ask(key, entityRef, credentials);
  }

  private ask(
    key: string,
    entityRef: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    const answer = findReadableEntity(this.access, entityRef, credentials);
    this.inFlight.set(key, answer);
    answer.then(
      entity => this.remember(key, entity),
      () => this.allowed.delete(key),
    );
    const settle = () => this.inFlight.delete(key);
    answer.then(settle, settle);
    return answer;
  }

  private now() {
    return (this.access.nowMs ?? Date.now)();
  }

  private remember(key: string, entity: Entity) {
    const reuseMs = this.access.accessReuseMs ?? 0;
    if (reuseMs <= 0) return;
    const now = this.now();
    if (this.allowed.size >= MAX_REMEMBERED && !this.allowed.has(key)) {
      for (const [k, v] of this.allowed) {
        if (v.until <= now) this.allowed.delete(k);
      }
      if (this.allowed.size >= MAX_REMEMBERED) {
        this.allowed.delete(this.allowed.keys().next().value!);
      }
    }
    this.allowed.set(key, {
      entity,
      refreshAfter: now + reuseMs / 2,
      until: now + reuseMs,
    });
  }
}
