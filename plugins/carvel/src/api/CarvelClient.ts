import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  ClusterListResponse,
  DeploymentHistoryResponse,
  EntityCarvelStatus,
  PackageInstallLocationResponse,
  PackageListResponse,
  PackageVersionListResponse,
} from '@carvel-gitops/plugin-carvel-common';
import { CarvelApi } from './CarvelApi';

function refPath(entityRef: CompoundEntityRef): string {
  // Kinds are case-insensitive in the catalog; lower case matches catalog URLs.
  const kind = entityRef.kind.toLocaleLowerCase('en-US');
  return [entityRef.namespace, kind, entityRef.name]
    .map(part => encodeURIComponent(part))
    .join('/');
}

/** {@link CarvelApi} over HTTP, authenticated by the app's fetchApi. */
export class CarvelClient implements CarvelApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getEntityStatus(
    entityRef: CompoundEntityRef,
  ): Promise<EntityCarvelStatus> {
    return this.getJson<EntityCarvelStatus>(`/status/${refPath(entityRef)}`);
  }

  async getHistory(
    entityRef: CompoundEntityRef,
    options: { limit?: number } = {},
  ): Promise<DeploymentHistoryResponse> {
    const query =
      options.limit === undefined
        ? ''
        : `?${new URLSearchParams({ limit: String(options.limit) })}`;
    return this.getJson<DeploymentHistoryResponse>(
      `/history/${refPath(entityRef)}${query}`,
    );
  }

  async getClusters(): Promise<ClusterListResponse> {
    return this.getJson<ClusterListResponse>('/clusters');
  }

  async getPackages(): Promise<PackageListResponse> {
    return this.getJson<PackageListResponse>('/packages');
  }

  async getPackageVersions(
    packageName: string,
  ): Promise<PackageVersionListResponse> {
    return this.getJson<PackageVersionListResponse>(
      `/packages/${encodeURIComponent(packageName)}/versions`,
    );
  }

  async getPackageInstalls(
    packageName: string,
    options: { version?: string } = {},
  ): Promise<PackageInstallLocationResponse> {
    const query =
      options.version === undefined
        ? ''
        : `?${new URLSearchParams({ version: options.version })}`;
    return this.getJson<PackageInstallLocationResponse>(
      `/packages/${encodeURIComponent(packageName)}/installs${query}`,
    );
  }

  private async getJson<T>(path: string): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('carvel');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
