import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  DeploymentHistoryResponse,
  readCarvelEntitySelection,
} from '@carvel-gitops/plugin-carvel-common';
import {
  DeploymentHistoryStore,
  toHistoryEntry,
} from '../history/DeploymentHistoryStore';
import { EntityAccess, findReadableEntity } from './readableEntity';

export const DEFAULT_HISTORY_LIMIT = 100;
export const MAX_HISTORY_LIMIT = 1000;

/** The `limit` query parameter: a whole number from 1 to 1000, 100 when absent. */
export function parseHistoryLimit(value: unknown): number {
  if (value === undefined) return DEFAULT_HISTORY_LIMIT;
  const limit =
    typeof value === 'string' && /^\d{1,7}$/.test(value) ? Number(value) : NaN;
  if (!(limit >= 1 && limit <= MAX_HISTORY_LIMIT)) {
    throw new InputError(
      `limit must be a whole number from 1 to ${MAX_HISTORY_LIMIT}`,
    );
  }
  return limit;
}

export interface HistoryServiceOptions extends EntityAccess {
  store: DeploymentHistoryStore;
}

/** The deployment history of an entity's packages, with the same access rules as its status. */
export class HistoryService {
  constructor(private readonly options: HistoryServiceOptions) {}

  async getEntityHistory(
    entityRef: CompoundEntityRef,
    credentials: BackstageCredentials,
    limit: number,
  ): Promise<DeploymentHistoryResponse> {
    const entity = await findReadableEntity(
      this.options,
      entityRef,
      credentials,
    );
    const selection = readCarvelEntitySelection(entity.metadata.annotations);
    const transitions = await this.options.store.list({
      packageNames: selection.packageNames,
      clusters: selection.clusters,
      namespace: selection.namespace,
      limit,
    });
    return { items: transitions.map(toHistoryEntry) };
  }
}
