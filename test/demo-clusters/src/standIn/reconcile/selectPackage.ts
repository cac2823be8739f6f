import {
  type Package,
  type PackageInstall,
  selectVersion,
} from '@carvel-gitops/plugin-carvel-common';

export type PackageSelection =
  | { package: Package; version: string; error?: undefined }
  | { error: string };

/**
 * The Package version kapp-controller would pick for a PackageInstall from the Packages
 * visible in its namespace, or its error text.
 */
export function selectPackage(
  install: PackageInstall,
  packages: Package[],
): PackageSelection {
  const packageRef = install.spec?.packageRef;
  if (!packageRef?.refName) {
    return { error: 'Expected non-empty package reference' };
  }
  const versionSelection = packageRef.versionSelection;
  if (!versionSelection) {
    return { error: 'Expected non-empty version selection' };
  }
  const candidates = packages.filter(
    p => p.spec?.refName === packageRef.refName,
  );
  const selected = selectVersion(
    versionSelection.constraints,
    candidates.map(p => p.spec.version),
    {
      prereleases: versionSelection.prereleases,
      packageName: packageRef.refName,
    },
  );
  if (selected.version === undefined) return { error: selected.reason };
  const chosen = candidates.find(p => p.spec.version === selected.version);
  return chosen
    ? { package: chosen, version: selected.version }
    : { error: `Package ${packageRef.refName} not found` };
}
