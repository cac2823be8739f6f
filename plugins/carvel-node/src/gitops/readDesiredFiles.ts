import {
  ANNOTATION_GITOPS_APP_PACKAGE_NAME,
  DesiredGitopsApp,
  DesiredPackageInstall,
  DesiredPackageVersion,
  LABEL_CARVEL_CLUSTER,
} from '@carvel-gitops/plugin-carvel-common';
import {
  DEFAULT_YAML_LIMITS,
  parseBoundedYaml,
  YamlLimits,
} from './boundedYaml';
import {
  boundValuesSchema,
  DEFAULT_VALUES_SCHEMA_LIMITS,
  ValuesSchemaLimits,
} from './boundedValuesSchema';
import { LayoutFile } from './gitopsFiles';

/** Where a file was read: the repository and the branch head. */
export interface DesiredFileSource {
  repository: string;
  commit: string;
  committedAt: string;
}

export interface DesiredFileResult<T> {
  items: T[];
  /** Sentences about the file (without its name); the other documents are still read. */
  problems: string[];
}

const MAX_NAME_LENGTH = 253;

type Fields = Record<string, unknown>;

function fieldsOf(value: unknown): Fields | undefined {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Fields)
    : undefined;
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= MAX_NAME_LENGTH
    ? value
    : undefined;
}

function documentsOf(
  text: string,
  kind: string,
  limits: YamlLimits,
): { documents: Fields[]; problems: string[] } {
  const parsed = parseBoundedYaml(text, limits);
  if ('problem' in parsed) return { documents: [], problems: [parsed.problem] };
  const documents = parsed.documents
    .map(fieldsOf)
    .filter((d): d is Fields => d?.kind === kind);
  return { documents, problems: [] };
}

function metadataOf(
  document: Fields,
): { name: string; namespace: string } | undefined {
  const metadata = fieldsOf(document.metadata);
  const name = stringOf(metadata?.name);
  if (!name) return undefined;
  return { name, namespace: stringOf(metadata?.namespace) ?? 'default' };
}

/** The PackageInstalls of `<package>/<cluster>/packageinstall.yaml`, with the fields drift compares. */
export function readPackageInstallFile(
  text: string,
  file: LayoutFile<'packageInstall'>,
  source: DesiredFileSource,
  limits: YamlLimits = DEFAULT_YAML_LIMITS,
): DesiredFileResult<DesiredPackageInstall> {
  const { documents, problems } = documentsOf(text, 'PackageInstall', limits);
  const items: DesiredPackageInstall[] = [];
  for (const document of documents) {
    const metadata = metadataOf(document);
    const spec = fieldsOf(document.spec);
    const packageRef = fieldsOf(spec?.packageRef);
    const packageName = stringOf(packageRef?.refName);
    if (!metadata || !packageName) {
      problems.push(
        'has a PackageInstall without metadata.name or spec.packageRef.refName',
      );
      continue;
    }
    const values = Array.isArray(spec?.values) ? spec!.values : [];
    const paused = spec?.paused;
    const constraints = stringOf(
      fieldsOf(packageRef?.versionSelection)?.constraints,
    );
    const serviceAccountName = stringOf(spec?.serviceAccountName);
    const kubeconfigSecretName = stringOf(
      fieldsOf(fieldsOf(spec?.cluster)?.kubeconfigSecretRef)?.name,
    );
    items.push({
      ...source,
      file: file.path,
      packageName,
      cluster: file.cluster,
      namespace: metadata.namespace,
      name: metadata.name,
      ...(constraints !== undefined ? { constraints } : {}),
      ...(serviceAccountName !== undefined ? { serviceAccountName } : {}),
      valuesSecretNames: values
        .map(v => stringOf(fieldsOf(fieldsOf(v)?.secretRef)?.name))
        .filter((n): n is string => n !== undefined),
      ...(typeof paused === 'boolean' ? { paused } : {}),
      ...(kubeconfigSecretName !== undefined ? { kubeconfigSecretName } : {}),
    });
  }
  return { items, problems };
}

/** The GitOps Apps of `<package>/apps/<cluster>.yaml` and the run cluster each delivers to. */
export function readGitopsAppFile(
  text: string,
  file: LayoutFile<'app'>,
  source: Omit<DesiredFileSource, 'committedAt'>,
  limits: YamlLimits = DEFAULT_YAML_LIMITS,
): DesiredFileResult<DesiredGitopsApp> {
  const { documents, problems } = documentsOf(text, 'App', limits);
  const items: DesiredGitopsApp[] = [];
  for (const document of documents) {
    const metadata = metadataOf(document);
    if (!metadata) {
      problems.push('has an App without metadata.name');
      continue;
    }
    const fields = fieldsOf(document.metadata)!;
    const labels = fieldsOf(fields.labels);
    const annotations = fieldsOf(fields.annotations);
    items.push({
      repository: source.repository,
      commit: source.commit,
      file: file.path,
      namespace: metadata.namespace,
      name: metadata.name,
      packageName:
        stringOf(annotations?.[ANNOTATION_GITOPS_APP_PACKAGE_NAME]) ??
        file.packageFolder.split('/').pop()!,
      targetCluster: stringOf(labels?.[LABEL_CARVEL_CLUSTER]) ?? file.cluster,
    });
  }
  return { items, problems };
}

/** The Package documents of `<package>/packages/*.yaml`: the versions git delivers, with their values schema bounded. */
export function readPackageFile(
  text: string,
  file: LayoutFile<'package'>,
  source: Omit<DesiredFileSource, 'committedAt'>,
  limits: YamlLimits = DEFAULT_YAML_LIMITS,
  schemaLimits: ValuesSchemaLimits = DEFAULT_VALUES_SCHEMA_LIMITS,
): DesiredFileResult<DesiredPackageVersion> {
  const { documents, problems } = documentsOf(text, 'Package', limits);
  const items: DesiredPackageVersion[] = [];
  for (const document of documents) {
    const spec = fieldsOf(document.spec);
    const packageName = stringOf(spec?.refName);
    const version = stringOf(spec?.version);
    if (!packageName || !version) {
      problems.push(
        'has a Package without spec.refName or spec.version (as strings)',
      );
      continue;
    }
    const releasedAt = stringOf(spec?.releasedAt);
    const valuesSchema = boundValuesSchema(spec, schemaLimits);
    items.push({
      repository: source.repository,
      commit: source.commit,
      file: file.path,
      packageName,
      version,
      ...(releasedAt !== undefined ? { releasedAt } : {}),
      ...(valuesSchema && 'schema' in valuesSchema
        ? { valuesSchema: valuesSchema.schema }
        : {}),
      ...(valuesSchema && 'problem' in valuesSchema
        ? { valuesSchemaProblem: valuesSchema.problem }
        : {}),
    });
  }
  return { items, problems };
}
