/** How a resource is served on a real cluster; decides which faults and options affect it. */
export type ServedBy = 'builtin' | 'crd' | 'aggregated';

export interface ResourceType {
  group: string;
  version: string;
  plural: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  servedBy: ServedBy;
  hasStatusSubresource: boolean;
  /** Whether metadata.generation is maintained (CRDs and aggregated kinds; not Secrets, ConfigMaps, ...). */
  tracksGeneration: boolean;
  /** Field selector keys beyond metadata.name and metadata.namespace. */
  selectableFields: string[];
  /** Create-time validation done by the serving API server; returns field errors. */
  validate?: (object: JsonObject) => FieldError[];
}

export type JsonObject = Record<string, unknown>;

export interface FieldError {
  field: string;
  value: unknown;
  message: string;
}

export const CARVEL_GROUPS = [
  'packaging.carvel.dev',
  'data.packaging.carvel.dev',
  'kappctrl.k14s.io',
];

export function apiVersionOf(type: ResourceType): string {
  return type.group ? `${type.group}/${type.version}` : type.version;
}

/** `packageinstalls.packaging.carvel.dev`, or `secrets` for the core group, as in API error messages. */
export function qualifiedResourceOf(type: ResourceType): string {
  return type.group ? `${type.plural}.${type.group}` : type.plural;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resourceType(
  fields: Pick<ResourceType, 'group' | 'version' | 'plural' | 'kind'> &
    Partial<ResourceType>,
): ResourceType {
  return {
    singular: fields.kind.toLowerCase(),
    namespaced: true,
    shortNames: [],
    categories: [],
    servedBy: 'builtin',
    hasStatusSubresource: false,
    tracksGeneration: false,
    selectableFields: [],
    ...fields,
  };
}

function validatePackageName(object: JsonObject): FieldError[] {
  const metadata = isJsonObject(object.metadata) ? object.metadata : {};
  const spec = isJsonObject(object.spec) ? object.spec : {};
  const expected = `${String(spec.refName ?? '')}.${String(
    spec.version ?? '',
  )}`;
  if (metadata.name === expected) {
    return [];
  }
  return [
    {
      field: 'metadata.name',
      value: metadata.name,
      message: "must be <spec.refName> + '.' + <spec.version>",
    },
  ];
}

export function builtInResourceTypes(): ResourceType[] {
  return [
    resourceType({
      group: '',
      version: 'v1',
      plural: 'namespaces',
      kind: 'Namespace',
      namespaced: false,
      shortNames: ['ns'],
      hasStatusSubresource: true,
    }),
    resourceType({
      group: '',
      version: 'v1',
      plural: 'secrets',
      kind: 'Secret',
    }),
    resourceType({
      group: '',
      version: 'v1',
      plural: 'configmaps',
      kind: 'ConfigMap',
      shortNames: ['cm'],
    }),
    resourceType({
      group: '',
      version: 'v1',
      plural: 'serviceaccounts',
      kind: 'ServiceAccount',
      shortNames: ['sa'],
    }),
    resourceType({
      group: 'rbac.authorization.k8s.io',
      version: 'v1',
      plural: 'roles',
      kind: 'Role',
    }),
    resourceType({
      group: 'rbac.authorization.k8s.io',
      version: 'v1',
      plural: 'rolebindings',
      kind: 'RoleBinding',
    }),
    resourceType({
      group: 'packaging.carvel.dev',
      version: 'v1alpha1',
      plural: 'packageinstalls',
      kind: 'PackageInstall',
      shortNames: ['pkgi'],
      categories: ['carvel'],
      servedBy: 'crd',
      hasStatusSubresource: true,
      tracksGeneration: true,
    }),
    resourceType({
      group: 'packaging.carvel.dev',
      version: 'v1alpha1',
      plural: 'packagerepositories',
      kind: 'PackageRepository',
      shortNames: ['pkgr'],
      categories: ['carvel'],
      servedBy: 'crd',
      hasStatusSubresource: true,
      tracksGeneration: true,
    }),
    resourceType({
      group: 'data.packaging.carvel.dev',
      version: 'v1alpha1',
      plural: 'packages',
      kind: 'Package',
      shortNames: ['pkg'],
      servedBy: 'aggregated',
      tracksGeneration: true,
      selectableFields: ['spec.refName'],
      validate: validatePackageName,
    }),
    resourceType({
      group: 'data.packaging.carvel.dev',
      version: 'v1alpha1',
      plural: 'packagemetadatas',
      kind: 'PackageMetadata',
      shortNames: ['pkgm'],
      servedBy: 'aggregated',
      tracksGeneration: true,
    }),
    resourceType({
      group: 'kappctrl.k14s.io',
      version: 'v1alpha1',
      plural: 'apps',
      kind: 'App',
      categories: ['carvel'],
      servedBy: 'crd',
      hasStatusSubresource: true,
      tracksGeneration: true,
    }),
  ];
}

export class ResourceRegistry {
  private readonly byPath = new Map<string, ResourceType>();
  private readonly byTypeMeta = new Map<string, ResourceType>();

  constructor(readonly types: ResourceType[]) {
    for (const type of types) {
      this.byPath.set(`${apiVersionOf(type)}/${type.plural}`, type);
      this.byTypeMeta.set(`${apiVersionOf(type)}/${type.kind}`, type);
    }
  }

  find(apiVersion: string, plural: string): ResourceType | undefined {
    return this.byPath.get(`${apiVersion}/${plural}`);
  }

  findByKind(apiVersion: string, kind: string): ResourceType | undefined {
    return this.byTypeMeta.get(`${apiVersion}/${kind}`);
  }

  /** Accepts what a person types: `pkgi`, `packageinstalls`, `PackageInstall`, `packageinstalls.packaging.carvel.dev`. */
  resolve(name: string): ResourceType {
    const lower = name.toLowerCase();
    const match = this.types.find(
      type =>
        type.plural === lower ||
        type.singular === lower ||
        type.shortNames.includes(lower) ||
        qualifiedResourceOf(type) === lower,
    );
    if (!match) {
      throw new Error(`Unknown resource "${name}"`);
    }
    return match;
  }

  groups(): string[] {
    return [...new Set(this.types.map(type => type.group).filter(Boolean))];
  }
}
