import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import type {
  DesiredState,
  PackageInstallLocationResponse,
  PackageListResponse,
  PackageVersionListResponse,
} from '@carvel-gitops/plugin-carvel-common';
import { authorizeClustersRead } from './authorizeClustersRead';
import { buildClusterState, ClusterView } from './buildClusterState';
import {
  ClusterPackagesView,
  isKnownPackage,
  listKnownPackages,
  listPackageVersions,
} from './knownPackages';
import { packageInstallLocations } from './packageInstallLocations';

/** The watched clusters, as the package catalog reads them (a ClusterFleet in production). */
export interface PackageCatalogClusters {
  clusters(): Array<
    ClusterView &
      ClusterPackagesView & { whenSettled(timeoutMs: number): Promise<boolean> }
  >;
}

export interface PackageCatalogServiceOptions {
  fleet: PackageCatalogClusters;
  permissions: PermissionsService;
  /** The GitOps repository mirror: without it, only the clusters' Package objects are known. */
  desiredState?: { desiredState(): DesiredState };
  /** How long a request waits for a cluster that has not answered its first list yet. */
  initialSyncTimeoutMs: number;
  /** At most this many PackageInstalls per cluster in one answer. */
  maxItemsPerCluster?: number;
}

/** Package refNames and versions are Kubernetes names and semver strings: nothing longer is looked up. */
const MAX_NAME_LENGTH = 253;

function checkedName(value: string, what: string): string {
  if (value.length === 0 || value.length > MAX_NAME_LENGTH) {
    throw new InputError(
      `${what} must be 1 to ${MAX_NAME_LENGTH} characters long`,
    );
  }
  return value;
}

/** The `version` query parameter: absent, or one non-empty string. */
export function parseVersionQuery(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    throw new InputError('version must be given at most once, as text');
  }
  return checkedName(value, 'version');
}

/**
 * Which packages and versions exist (from the clusters' Package objects and the followed GitOps
 * repositories) and where a package runs. Every question spans all clusters, so every answer
 * needs `carvel.clusters.read`.
 */
export class PackageCatalogService {
  constructor(private readonly options: PackageCatalogServiceOptions) {}

  async listPackages(
    credentials: BackstageCredentials,
  ): Promise<PackageListResponse> {
    await this.authorize(credentials, 'list the Carvel packages');
    const clusters = await this.settledClusters();
    return { items: listKnownPackages(clusters, this.desiredState()) };
  }

  async listVersions(
    packageName: string,
    credentials: BackstageCredentials,
  ): Promise<PackageVersionListResponse> {
    checkedName(packageName, 'packageName');
    await this.authorize(credentials, 'list the versions of Carvel packages');
    const clusters = await this.settledClusters();
    const items = listPackageVersions(
      packageName,
      clusters,
      this.desiredState(),
    );
    if (items.length === 0) {
      throw new NotFoundError(`No versions of package ${packageName} known`);
    }
    return { items };
  }

  /** Every PackageInstall of the package, or only those running exactly `version`. */
  async findInstalls(
    packageName: string,
    credentials: BackstageCredentials,
    version?: string,
  ): Promise<PackageInstallLocationResponse> {
    checkedName(packageName, 'packageName');
    if (version !== undefined) checkedName(version, 'version');
    await this.authorize(credentials, 'list where Carvel packages run');
    const { initialSyncTimeoutMs, maxItemsPerCluster } = this.options;
    const clusters = this.options.fleet.clusters();
    const settled = await Promise.all(
      clusters.map(c => c.whenSettled(initialSyncTimeoutMs)),
    );
    const states = clusters.map((cluster, i) =>
      buildClusterState(
        cluster,
        { packageNames: [packageName] },
        {
          settled: settled[i],
          timeoutMs: initialSyncTimeoutMs,
          maxItemsPerCluster,
        },
      ),
    );
    const known =
      states.some(s => s.packageInstalls.length > 0 || s.truncated) ||
      isKnownPackage(packageName, clusters, this.desiredState());
    if (!known) throw new NotFoundError(`No package ${packageName} known`);
    return packageInstallLocations(states, version);
  }

  private authorize(credentials: BackstageCredentials, what: string) {
    return authorizeClustersRead(this.options.permissions, credentials, what);
  }

  private async settledClusters() {
    const clusters = this.options.fleet.clusters();
    await Promise.all(
      clusters.map(c => c.whenSettled(this.options.initialSyncTimeoutMs)),
    );
    return clusters;
  }

  private desiredState(): DesiredState {
    return this.options.desiredState?.desiredState() ?? { repositories: [] };
  }
}
