import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  DeploymentHistoryResponse,
  DesiredStateSource,
  readCarvelEntitySelection,
} from '@carvel-gitops/plugin-carvel-common';
import {
  FIGURES_WINDOW_DAYS,
  summariseDeployments,
} from '../history/deploymentFigures';
import {
  DeploymentHistoryStore,
  toHistoryEntry,
} from '../history/DeploymentHistoryStore';
import { addHistoryCommitUrls, CommitUrlOf } from './historyCommitUrls';
import { EntityAccess, ReadableEntities } from './readableEntity';

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

/** How many of the window's newest transitions the per-cluster figures read at most. */
export const DEFAULT_MAX_FIGURE_TRANSITIONS = 5000;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface HistoryServiceOptions extends EntityAccess {
  store: DeploymentHistoryStore;
  /** The GitOps repository mirror, to know which repository a commit's web page is in. */
  desiredState?: DesiredStateSource;
  /** A commit's web page in a followed repository, if its host has one. */
  commitUrl?: CommitUrlOf;
  maxFigureTransitions?: number;
  now?: () => Date;
}

/** The deployment history of an entity's packages, with the same access rules as its status. */
export class HistoryService {
  private readonly entities: ReadableEntities;

  constructor(private readonly options: HistoryServiceOptions) {
    this.entities = options.readableEntities ?? new ReadableEntities(options);
  }

  async getEntityHistory(
    entityRef: CompoundEntityRef,
    credentials: BackstageCredentials,
    limit: number,
  ): Promise<DeploymentHistoryResponse> {
    const entity = await this.entities.find(entityRef, credentials);
    const selection = readCarvelEntitySelection(entity.metadata.annotations);
    const query = {
      packageNames: selection.packageNames,
      clusters: selection.clusters,
      namespace: selection.namespace,
    };
    const maxFigureTransitions =
      this.options.maxFigureTransitions ?? DEFAULT_MAX_FIGURE_TRANSITIONS;
    const now = this.options.now?.() ?? new Date();
    const [transitions, windowTransitions] = await Promise.all([
      this.options.store.list({ ...query, limit }),
      this.options.store.list({
        ...query,
        since: new Date(now.getTime() - FIGURES_WINDOW_DAYS * DAY_MS),
        limit: maxFigureTransitions + 1,
      }),
    ]);
    const truncated = windowTransitions.length > maxFigureTransitions;
    const items = transitions.map(toHistoryEntry);
    const { desiredState, commitUrl } = this.options;
    return {
      items:
        desiredState && commitUrl
          ? addHistoryCommitUrls(items, desiredState.desiredState(), commitUrl)
          : items,
      clusters: summariseDeployments(
        windowTransitions.slice(0, maxFigureTransitions),
      ),
      ...(truncated ? { clustersFromNewest: maxFigureTransitions } : {}),
    };
  }
}
