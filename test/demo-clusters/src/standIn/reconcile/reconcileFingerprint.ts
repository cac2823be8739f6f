import { ANNOTATION_DOWNGRADABLE } from '@carvel-gitops/plugin-carvel-common';
import type { PackageInstallInputs } from './decidePackageInstall';
import { selectPackage } from './selectPackage';

/**
 * Everything a PackageInstall's outcome depends on. kapp-controller reconciles again when it
 * changes: a new generation, a newly selected (or changed) Package, or changed values Secrets.
 * A new Package version that the constraints don't pick changes nothing.
 */
export function reconcileFingerprint(inputs: PackageInstallInputs): string {
  const { install } = inputs;
  const selection = selectPackage(install, inputs.packages);
  return JSON.stringify({
    generation: install.metadata.generation,
    downgradable:
      install.metadata.annotations?.[ANNOTATION_DOWNGRADABLE] !== undefined,
    selected:
      selection.error === undefined
        ? { version: selection.version, spec: selection.package.spec }
        : { error: selection.error },
    values: (install.spec?.values ?? []).map(({ secretRef }) => {
      const secret = inputs.secrets.get(secretRef?.name);
      return secret ? [secret.data ?? {}, secret.stringData ?? {}] : null;
    }),
  });
}
