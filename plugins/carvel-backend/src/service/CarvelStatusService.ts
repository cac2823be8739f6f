import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ClusterSummary,
  type DesiredStateSource,
  EntityCarvelStatus,
  readCarvelEntitySelection,
} from '@carvel-gitops/plugin-carvel-common';
import { addDrift } from './addDrift';
import { authorizeClustersRead } from './authorizeClustersRead';
import { buildClusterState, ClusterView } from './buildClusterState';
import { DeployedCommitMemory } from './DeployedCommitMemory';
import { EntityAccess, ReadableEntities } from './readableEntity';

/** The watched clusters, as the status service sees them (a ClusterFleet in production). */
export interface WatchedClusters {
  clusters(): Array<
    ClusterView & {
      whenSettled(timeoutMs: number): Promise<boolean>;
    }
  >;
  markInteresting(packageNames: string[]): void;
}

export interface CarvelStatusServiceOptions extends EntityAccess {
  fleet: WatchedClusters;
  /** How long a request waits for a cluster that has not answered its first list yet. */
  initialSyncTimeoutMs: number;
  /** At most this many PackageInstalls (and as many Apps) per cluster in one status response. */
  maxItemsPerCluster?: number;
  /** The GitOps repository mirror: without it, the answer has no drift. */
  desiredState?: DesiredStateSource;
  /** A commit's web page in a followed repository, if its host has one. */
  commitUrl?: (repository: string, sha: string) => string | undefined;
}

/** Answers status questions from the watchers' memory: a page view sends no request to any cluster. */
export class CarvelStatusService {
  private readonly deployedCommits = new DeployedCommitMemory();
  private readonly entities: ReadableEntities;

  constructor(private readonly options: CarvelStatusServiceOptions) {
    this.entities = options.readableEntities ?? new ReadableEntities(options);
  }

  async getEntityStatus(
    entityRef: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<EntityCarvelStatus> {
    const entity = await this.entities.find(entityRef, credentials);
    const ref = stringifyEntityRef(entity);
    const selection = readCarvelEntitySelection(entity.metadata.annotations);
    const { fleet, initialSyncTimeoutMs, maxItemsPerCluster } = this.options;
    fleet.markInteresting(selection.packageNames);
    const watched = fleet.clusters();
    const clusters = watched.filter(
      c => !selection.clusters || selection.clusters.includes(c.name),
    );
    const settled = await Promise.all(
      clusters.map(c =>
        c.state === 'synced' ? true : c.whenSettled(initialSyncTimeoutMs),
      ),
    );
    const states = clusters.map((cluster, i) =>
      buildClusterState(cluster, selection, {
        settled: settled[i],
        timeoutMs: initialSyncTimeoutMs,
        maxItemsPerCluster,
      }),
    );
    return {
      entityRef: ref,
      packageNames: selection.packageNames,
      clusters: await addDrift(states, {
        source: this.options.desiredState,
        views: watched,
        packageNames: selection.packageNames,
        namespace: selection.namespace,
        memory: this.deployedCommits,
        commitUrl: this.options.commitUrl,
      }),
    };
  }

  async listClusters(
    credentials: BackstageCredentials,
  ): Promise<ClusterSummary[]> {
    await authorizeClustersRead(
      this.options.permissions,
      credentials,
      'list the Carvel clusters',
    );
    return this.options.fleet.clusters().map(cluster => ({
      name: cluster.name,
      state: cluster.state,
      ...(cluster.lastSyncedAt ? { lastSyncedAt: cluster.lastSyncedAt } : {}),
      ...(cluster.error
        ? {
            error: `${cluster.error.type}: ${cluster.error.message}`,
            clusterError: cluster.error,
          }
        : {}),
    }));
  }
}
