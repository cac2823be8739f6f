import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  checkDnsLabel,
  checkDnsSubdomain,
  describeConstraintQuirks,
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
  if (!parsed.ok) {
    // range.go:330 expands any comparator with an x, which turns e.g. `1.0.0-linux` into an error.
    const hint = value.includes('x')
      ? ' (kapp-controller reads every comparator containing an "x" as a wildcard, even inside a prerelease or build metadata)'
      : '';
    return `${where} '${value}' is not a version constraint kapp-controller accepts: ${parsed.error}${hint}`;
  }
  const confusing = describeConstraintQuirks(value).filter(q => q.confusing);
  return confusing.length === 0
    ? undefined
    : `${where} '${value}' is refused because kapp-controller would not read it as written: ${confusing
        .map(quirk => quirk.message)
        .join('; ')}`;
}

/** Logs a warning for each way kapp-controller reads the constraint that may surprise its author. */
export function warnAboutConstraintQuirks(options: {
  constraints: string;
  clusterName: string;
  versions?: readonly string[];
  logger: LoggerService;
}) {
  const { constraints, clusterName, versions, logger } = options;
  // The generated PackageInstall sets no prereleases, but one may be added by hand later.
  const quirks = describeConstraintQuirks(constraints, { versions });
  for (const quirk of quirks.filter(q => !q.confusing)) {
    logger.warn(
      `cluster '${clusterName}': versionConstraints '${constraints}': ${quirk.message}`,
    );
  }
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
