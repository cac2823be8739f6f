import { readField as field } from '../status/readCarvelResource';
import type { PackageInstall } from '../types';
import type { DesiredPackageInstall } from './desiredState';

/** The fields of a PackageInstall on a cluster that git decides (never Secret contents). */
export interface ActualPackageInstall {
  packageName?: string;
  constraints?: string;
  serviceAccountName?: string;
  /** `spec.values[].secretRef.name`, in order (later values override earlier ones). */
  valuesSecretNames: string[];
  paused?: boolean;
  kubeconfigSecretName?: string;
}

export type DriftField =
  | 'package'
  | 'constraints'
  | 'serviceAccountName'
  | 'valuesSecretNames'
  | 'paused'
  | 'kubeconfigSecretName';

export interface PackageInstallDifference {
  field: DriftField;
  /** One clause a person understands, e.g. "the constraint on the cluster is 1.2.3, git says >=0.0.0". */
  sentence: string;
}

/** kapp-controller never takes more values entries than a PackageInstall can sensibly hold. */
const MAX_VALUES_ENTRIES = 50;
/** Values shown in a sentence come from outside: long ones are cut. */
const MAX_SHOWN_LENGTH = 100;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

/** The fields drift compares, read defensively from a PackageInstall as the cluster holds it. */
export function actualPackageInstallOf(
  install: PackageInstall | unknown,
): ActualPackageInstall {
  const spec = field(install, 'spec');
  const packageRef = field(spec, 'packageRef');
  const values = field(spec, 'values');
  return {
    packageName: text(field(packageRef, 'refName')),
    constraints: text(
      field(field(packageRef, 'versionSelection'), 'constraints'),
    ),
    serviceAccountName: text(field(spec, 'serviceAccountName')),
    valuesSecretNames: Array.isArray(values)
      ? values
          .slice(0, MAX_VALUES_ENTRIES)
          .map(entry => text(field(field(entry, 'secretRef'), 'name')))
          .filter((name): name is string => name !== undefined)
      : [],
    paused: field(spec, 'paused') === true,
    kubeconfigSecretName: text(
      field(field(field(spec, 'cluster'), 'kubeconfigSecretRef'), 'name'),
    ),
  };
}

function shown(value: string | undefined): string {
  if (value === undefined || value === '') return 'none';
  return value.length > MAX_SHOWN_LENGTH
    ? `${value.slice(0, MAX_SHOWN_LENGTH)}…`
    : value;
}

const shownList = (names: string[]) =>
  names.length === 0 ? 'none' : `[${names.map(shown).join(', ')}]`;

const sameList = (a: string[], b: string[]) =>
  a.length === b.length && a.every((name, i) => name === b[i]);

/** Where the cluster's PackageInstall differs from git, in a fixed order (most telling first). */
export function packageInstallDifferences(
  desired: DesiredPackageInstall,
  actual: ActualPackageInstall,
): PackageInstallDifference[] {
  const differences: PackageInstallDifference[] = [];
  const compare = (
    fieldName: DriftField,
    label: string,
    onCluster: string | undefined,
    inGit: string | undefined,
  ) => {
    if ((onCluster ?? '') !== (inGit ?? '')) {
      differences.push({
        field: fieldName,
        sentence: `the ${label} on the cluster is ${shown(
          onCluster,
        )}, git says ${shown(inGit)}`,
      });
    }
  };
  compare('package', 'package', actual.packageName, desired.packageName);
  compare('constraints', 'constraint', actual.constraints, desired.constraints);
  compare(
    'serviceAccountName',
    'service account',
    actual.serviceAccountName,
    desired.serviceAccountName,
  );
  if (!sameList(actual.valuesSecretNames, desired.valuesSecretNames)) {
    differences.push({
      field: 'valuesSecretNames',
      sentence: `the values Secrets on the cluster are ${shownList(
        actual.valuesSecretNames,
      )}, git says ${shownList(desired.valuesSecretNames)}`,
    });
  }
  if ((actual.paused ?? false) !== (desired.paused ?? false)) {
    differences.push({
      field: 'paused',
      sentence: actual.paused
        ? 'the PackageInstall is paused on the cluster, git does not pause it'
        : 'git pauses the PackageInstall, on the cluster it is not paused',
    });
  }
  compare(
    'kubeconfigSecretName',
    'kubeconfig Secret it deploys with',
    actual.kubeconfigSecretName,
    desired.kubeconfigSecretName,
  );
  return differences;
}
