import { goRoundedDuration, humanDuration } from './duration';
import { metadataOf } from './objectMeta';
import {
  JsonObject,
  ResourceType,
  isJsonObject,
  qualifiedResourceOf,
} from './resources';

export interface ColumnDefinition {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

export interface Column {
  definition: ColumnDefinition;
  cell: (object: JsonObject, now: number) => unknown;
}

const NAME_DESCRIPTION =
  'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names';

const CREATION_DESCRIPTION =
  'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.';

function column(
  name: string,
  type: string,
  description: string,
  cell: Column['cell'],
  extra: Partial<ColumnDefinition> = {},
): Column {
  return {
    definition: { name, type, format: '', description, priority: 0, ...extra },
    cell,
  };
}

/** Value at a simple JSON path such as `.status.deploy.startedAt`; undefined when absent. */
export function valueAtPath(object: unknown, path: string): unknown {
  let current = object;
  for (const segment of path.split('.').filter(Boolean)) {
    if (!isJsonObject(current)) {
      return undefined;
    }
    current = current[segment];
  }
  return current;
}

function ageOf(value: unknown, now: number, format: (ms: number) => string) {
  if (typeof value !== 'string') {
    return '<unknown>';
  }
  const time = Date.parse(value);
  return Number.isNaN(time) ? '<invalid>' : format(now - time);
}

const nameColumn = column(
  'Name',
  'string',
  NAME_DESCRIPTION,
  object => metadataOf(object).name ?? null,
  { format: 'name' },
);

const ageColumn = column('Age', 'date', CREATION_DESCRIPTION, (object, now) =>
  ageOf(metadataOf(object).creationTimestamp, now, humanDuration),
);

const aggregatedAgeColumn = column(
  'Age',
  'date',
  'Time since resource creation',
  (object, now) =>
    ageOf(metadataOf(object).creationTimestamp, now, goRoundedDuration),
);

/** A CRD additionalPrinterColumn: strings print as-is, `date` columns as a human duration. */
function printerColumn(
  name: string,
  type: 'string' | 'date',
  path: string,
  description: string,
): Column {
  return column(name, type, description, (object, now) => {
    const value = valueAtPath(object, path);
    if (value === undefined || value === null) {
      return null;
    }
    if (type === 'date') {
      return ageOf(value, now, humanDuration);
    }
    return typeof value === 'string' ? value : JSON.stringify(value);
  });
}

function truncate(text: string): string {
  return text.length > 50 ? `${text.slice(0, 47)}...` : text;
}

function keyCount(...values: unknown[]): number {
  return values.reduce<number>(
    (count, value) =>
      count + (isJsonObject(value) ? Object.keys(value).length : 0),
    0,
  );
}

const friendlyDescription = printerColumn(
  'Description',
  'string',
  '.status.friendlyDescription',
  'Friendly description',
);
const crdAge = printerColumn(
  'Age',
  'date',
  '.metadata.creationTimestamp',
  'Time since creation',
);

const COLUMNS: Record<string, Column[]> = {
  'packageinstalls.packaging.carvel.dev': [
    nameColumn,
    printerColumn(
      'Package name',
      'string',
      '.spec.packageRef.refName',
      'PackageMetadata name',
    ),
    printerColumn(
      'Package version',
      'string',
      '.status.version',
      'PackageMetadata version',
    ),
    friendlyDescription,
    crdAge,
  ],
  'packagerepositories.packaging.carvel.dev': [
    nameColumn,
    crdAge,
    friendlyDescription,
  ],
  'apps.kappctrl.k14s.io': [
    nameColumn,
    friendlyDescription,
    printerColumn(
      'Since-Deploy',
      'date',
      '.status.deploy.startedAt',
      'Last time app started being deployed. Does not mean anything was changed.',
    ),
    crdAge,
  ],
  'packages.data.packaging.carvel.dev': [
    {
      ...nameColumn,
      definition: {
        ...nameColumn.definition,
        description: 'PackageMetadata Version resource name',
      },
    },
    column(
      'PackageMetadata Name',
      'string',
      'Associated PackageMetadata name',
      object => valueAtPath(object, '.spec.refName') ?? '',
      { format: 'name' },
    ),
    column(
      'Version',
      'string',
      'Version',
      object => valueAtPath(object, '.spec.version') ?? '',
    ),
    aggregatedAgeColumn,
  ],
  'packagemetadatas.data.packaging.carvel.dev': [
    {
      ...nameColumn,
      definition: {
        ...nameColumn.definition,
        description: 'PackageMetadata resource name',
      },
    },
    column(
      'Display Name',
      'string',
      'User facing package name',
      object => valueAtPath(object, '.spec.displayName') ?? '',
    ),
    column('Categories', 'string', 'PackageMetadata description', object => {
      const categories = valueAtPath(object, '.spec.categories');
      return truncate(Array.isArray(categories) ? categories.join(',') : '');
    }),
    column('Short Description', 'array', 'PackageMetadata categories', object =>
      truncate(String(valueAtPath(object, '.spec.shortDescription') ?? '')),
    ),
    aggregatedAgeColumn,
  ],
  namespaces: [
    nameColumn,
    column(
      'Status',
      'string',
      'The status of the namespace',
      object => valueAtPath(object, '.status.phase') ?? '',
    ),
    ageColumn,
  ],
  secrets: [
    nameColumn,
    column(
      'Type',
      'string',
      'The type of the secret',
      object => valueAtPath(object, '.type') ?? 'Opaque',
    ),
    column('Data', 'integer', 'The number of entries in the secret', object =>
      keyCount(object.data),
    ),
    ageColumn,
  ],
  configmaps: [
    nameColumn,
    column(
      'Data',
      'integer',
      'The number of entries in the configmap',
      object => keyCount(object.data, object.binaryData),
    ),
    ageColumn,
  ],
  serviceaccounts: [
    nameColumn,
    column('Secrets', 'integer', 'The number of secrets', object =>
      Array.isArray(object.secrets) ? object.secrets.length : 0,
    ),
    ageColumn,
  ],
  'roles.rbac.authorization.k8s.io': [
    nameColumn,
    column(
      'Created At',
      'date',
      CREATION_DESCRIPTION,
      object => metadataOf(object).creationTimestamp ?? null,
    ),
  ],
  'rolebindings.rbac.authorization.k8s.io': [
    nameColumn,
    column('Role', 'string', 'Role of the rolebinding', object => {
      const ref = valueAtPath(object, '.roleRef');
      return isJsonObject(ref) ? `${ref.kind}/${ref.name}` : '';
    }),
    ageColumn,
  ],
};

export function columnsFor(type: ResourceType): Column[] {
  return COLUMNS[qualifiedResourceOf(type)] ?? [nameColumn, ageColumn];
}

export function columnDefinitionsFor(type: ResourceType): ColumnDefinition[] {
  return columnsFor(type).map(c => c.definition);
}
