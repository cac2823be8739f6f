import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  checkDnsLabel,
  checkDnsSubdomain,
  describeConstraintQuirks,
  parseVersionConstraints,
} from '@carvel-gitops/plugin-carvel-common';
import type { PackageInstallCluster } from '../gitops/actionInputs';
import { InputProblems } from '../gitops/InputProblems';
import { checkValuesDepth } from '../gitops/valuesSecret';

export function checkConstraints(
  value: string | undefined,
  where: string,
): string | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === '') {
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
  cluster: PackageInstallCluster,
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
  problems.add(checkValuesDepth(cluster.values, `${where}: values`));
  const valuesSecretName = cluster.valuesSecretName ?? `${installName}-values`;
  problems.add(
    checkDnsSubdomain(valuesSecretName, `${where}: valuesSecretName`),
  );
  const names = new Set<string>([valuesSecretName]);
  cluster.existingSecrets?.forEach((name, i) => {
    problems.add(checkDnsSubdomain(name, `${where}: existingSecrets[${i}]`));
    if (names.has(name)) {
      problems.add(
        `${where}: existingSecrets[${i}] '${name}' is listed twice (or equals the values Secret)`,
      );
    }
    names.add(name);
  });
}
