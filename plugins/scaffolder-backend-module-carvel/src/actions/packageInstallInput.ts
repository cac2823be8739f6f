import {
  checkDnsLabel,
  checkDnsSubdomain,
  parseVersionConstraints,
} from '@carvel-gitops/plugin-carvel-common';
import { InputProblems } from '../gitops/InputProblems';
import { checkValuesDepth } from '../gitops/valuesSecret';

/** One entry of the `clusters` input, as the packageinstall action reads it. */
export interface ClusterInput {
  name: string;
  namespace: string;
  serviceAccountName: string;
  values?: Record<string, unknown>;
  versionConstraints?: string;
  downgradable?: boolean;
  valuesSecretName?: string;
  existingSecrets?: string[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function checkConstraints(
  value: unknown,
  where: string,
): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    return `${where} must be a non-empty string such as '>=0.0.0' or '1.2.3'`;
  }
  const parsed = parseVersionConstraints(value);
  return parsed.ok
    ? undefined
    : `${where} '${value}' is not a version constraint kapp-controller accepts: ${parsed.error}`;
}

/** Adds every problem with one entry of the `clusters` input. */
export function checkCluster(
  cluster: ClusterInput,
  installName: string,
  problems: InputProblems,
) {
  const where = `cluster '${cluster.name}'`;
  problems.add(checkDnsLabel(cluster.namespace, `${where}: namespace`));
  problems.add(
    checkDnsSubdomain(
      cluster.serviceAccountName,
      `${where}: serviceAccountName`,
    ),
  );
  problems.add(
    checkConstraints(
      cluster.versionConstraints,
      `${where}: versionConstraints`,
    ),
  );
  if (cluster.values !== undefined && !isPlainObject(cluster.values)) {
    problems.add(`${where}: values must be an object of package values`);
  } else {
    problems.add(checkValuesDepth(cluster.values, `${where}: values`));
  }
  if (
    cluster.downgradable !== undefined &&
    typeof cluster.downgradable !== 'boolean'
  ) {
    problems.add(`${where}: downgradable must be true or false`);
  }
  const valuesSecretName = cluster.valuesSecretName ?? `${installName}-values`;
  problems.add(
    checkDnsSubdomain(valuesSecretName, `${where}: valuesSecretName`),
  );
  if (cluster.existingSecrets !== undefined) {
    if (!Array.isArray(cluster.existingSecrets)) {
      problems.add(`${where}: existingSecrets must be a list of Secret names`);
    } else {
      const names = new Set<string>([valuesSecretName]);
      cluster.existingSecrets.forEach((name, i) => {
        problems.add(
          checkDnsSubdomain(name, `${where}: existingSecrets[${i}]`),
        );
        if (names.has(name)) {
          problems.add(
            `${where}: existingSecrets[${i}] '${name}' is listed twice (or equals the values Secret)`,
          );
        }
        names.add(name);
      });
    }
  }
}
