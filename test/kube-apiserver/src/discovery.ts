import { createHash } from 'node:crypto';
import { JsonObject, ResourceType, apiVersionOf } from './resources';

const VERBS = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
];

/** The legacy (non-aggregated) discovery documents; callers pass only the types currently served. */
export function versionInfo(kubernetesVersion: string): JsonObject {
  const [major, minor] = kubernetesVersion.split('.');
  return {
    major,
    minor,
    gitVersion: `v${kubernetesVersion}`,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2024-12-11T00:00:00Z',
    goVersion: 'go1.23.4',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

export function apiVersions(serverAddress: string): JsonObject {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function groupDocument(group: string, types: ResourceType[]): JsonObject {
  const versions = [
    ...new Set(types.filter(t => t.group === group).map(t => t.version)),
  ].map(version => ({ groupVersion: `${group}/${version}`, version }));
  return {
    name: group,
    versions,
    preferredVersion: versions[0],
  };
}

export function apiGroupList(types: ResourceType[]): JsonObject {
  const groups = [...new Set(types.map(t => t.group).filter(Boolean))];
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: groups.map(group => groupDocument(group, types)),
  };
}

export function apiGroup(
  types: ResourceType[],
  group: string,
): JsonObject | undefined {
  if (!types.some(t => t.group === group)) {
    return undefined;
  }
  return { kind: 'APIGroup', apiVersion: 'v1', ...groupDocument(group, types) };
}

function storageVersionHash(type: ResourceType): string {
  return createHash('sha256')
    .update(`${type.group}/${type.version}/${type.kind}`)
    .digest()
    .subarray(0, 8)
    .toString('base64');
}

function resourceEntries(type: ResourceType): JsonObject[] {
  const main: JsonObject = {
    name: type.plural,
    singularName: type.singular,
    namespaced: type.namespaced,
    kind: type.kind,
    verbs: VERBS,
  };
  if (type.shortNames.length > 0) main.shortNames = type.shortNames;
  if (type.categories.length > 0) main.categories = type.categories;
  if (type.servedBy !== 'aggregated') {
    main.storageVersionHash = storageVersionHash(type);
  }
  if (!type.hasStatusSubresource) {
    return [main];
  }
  return [
    main,
    {
      name: `${type.plural}/status`,
      singularName: '',
      namespaced: type.namespaced,
      kind: type.kind,
      verbs: ['get', 'patch', 'update'],
    },
  ];
}

export function apiResourceList(
  types: ResourceType[],
  groupVersion: string,
): JsonObject | undefined {
  const served = types.filter(t => apiVersionOf(t) === groupVersion);
  if (served.length === 0) {
    return undefined;
  }
  return {
    kind: 'APIResourceList',
    // The core group's list carries no apiVersion; the others do.
    ...(groupVersion === 'v1' ? {} : { apiVersion: 'v1' }),
    groupVersion,
    resources: served.flatMap(resourceEntries),
  };
}
