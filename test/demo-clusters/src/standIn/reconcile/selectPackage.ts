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
  // packageinstall.go:283-290 at e4b4822
  if (!packageRef) return { error: 'Expected non nil PackageRef' };
  const versionSelection = packageRef.versionSelection;
  if (!versionSelection) {
    return { error: 'Expected non-empty version selection' };
  }
  // packageinstall.go:297-299: only an empty namespace says "not found"; other names go on to selection.
  if (packages.length === 0) {
    return { error: `Package ${packageRef.refName ?? ''} not found` };
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
      namespaceHasPackages: true,
    },
  );
  if (selected.version === undefined) return { error: selected.reason };
  const chosen = candidates.find(p => p.spec.version === selected.version);
  return chosen
    ? { package: chosen, version: selected.version }
    : {
        // packageinstall.go:360-361
        error: `Could not find package with name '${packageRef.refName}' and version '${selected.version}'`,
      };
}
