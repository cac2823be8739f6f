import {
  parseStrictVersion,
  selectVersion,
  type PackageVersionDetails,
} from '@carvel-gitops/plugin-carvel-common';

export type ChosenVersion =
  | { details: PackageVersionDetails }
  | { details?: undefined; reason: string };

/** The version kapp-controller installs for `constraints` among the known versions (its semantics, from carvel-common). */
export function chooseVersion(
  packageName: string,
  constraints: string | undefined,
  versions: readonly PackageVersionDetails[],
): ChosenVersion {
  const selected = selectVersion(
    constraints,
    versions.map(v => v.version),
    { packageName },
  );
  if (selected.version === undefined) return { reason: selected.reason };
  const details = versions.find(v => v.version === selected.version);
  return details
    ? { details }
    : { reason: `version ${selected.version} is not listed` };
}

export type ConstraintMode = 'pin' | 'range';

/** Whether a constraint pins one known version (then the picker shows it as pinned) or is a range. */
export function constraintMode(
  constraints: string | undefined,
  versions: readonly PackageVersionDetails[],
): ConstraintMode {
  if (!constraints) return 'range';
  const strict = parseStrictVersion(constraints);
  return strict.ok && versions.some(v => v.version === constraints)
    ? 'pin'
    : 'range';
}
