import {
  ANNOTATION_DOWNGRADABLE,
  compareVersions,
  type Package,
  type PackageInstall,
  type PackageInstallStatus,
  type Secret,
} from '@carvel-gitops/plugin-carvel-common';
import {
  SEE_USEFUL_ERROR_MESSAGE,
  failedStatus,
  succeededStatus,
} from './carvelStatus';
import { checkDataValues } from './checkDataValues';
import { dataValuesFiles } from './dataValues';
import { selectPackage } from './selectPackage';
import { yttDataValuesError, yttYamlError } from './yttErrorReport';

export interface PackageInstallInputs {
  install: PackageInstall;
  /** The Packages visible in the PackageInstall's namespace (with the global namespace's). */
  packages: Package[];
  /** Secrets of the PackageInstall's namespace by name. */
  secrets: ReadonlyMap<string, Secret>;
}

/** How the App's template step went: the App condition message and ytt's stderr. */
export interface TemplateFailure {
  message: string;
  stderr?: string;
}

export interface AppDeployment {
  package: Package;
  version: string;
  templateFailure?: TemplateFailure;
}

export interface PackageInstallDecision {
  status: PackageInstallStatus;
  /** What the App gets; absent when kapp-controller leaves the App as it is. */
  app?: AppDeployment;
}

function templateFailureOf(
  inputs: PackageInstallInputs,
  chosen: Package,
): TemplateFailure | undefined {
  const values = dataValuesFiles(inputs.install, inputs.secrets);
  if (values.error !== undefined) {
    return { message: `Templating dir: ${values.error}` };
  }
  const check = checkDataValues(
    chosen.spec.valuesSchema?.openAPIv3,
    values.files,
  );
  const stderr =
    check.yamlError !== undefined
      ? yttYamlError(check.yamlError)
      : check.failures.length > 0 && yttDataValuesError(check.failures);
  return stderr
    ? { message: `Templating dir: ${SEE_USEFUL_ERROR_MESSAGE}`, stderr }
    : undefined;
}

function downgradeBlocked(
  install: PackageInstall,
  version: string,
): string | undefined {
  const lastAttempted = install.status?.lastAttemptedVersion;
  if (!lastAttempted) return undefined;
  if (install.metadata.annotations?.[ANNOTATION_DOWNGRADABLE] !== undefined) {
    return undefined;
  }
  if (compareVersions(version, lastAttempted) >= 0) return undefined;
  return (
    `Stopped installing matched version '${version}' since last attempted version '${lastAttempted}' is higher.\n` +
    `hint: Add annotation ${ANNOTATION_DOWNGRADABLE}: "" to PackageInstall to proceed with downgrade`
  );
}

/**
 * What kapp-controller concludes for a PackageInstall: pick the version, guard against
 * downgrades, then hand the version to the App, whose template step is where values that
 * break the package's schema fail.
 */
export function decidePackageInstall(
  inputs: PackageInstallInputs,
): PackageInstallDecision {
  const { install } = inputs;
  const previous = install.status ?? {};
  const kept = {
    observedGeneration: install.metadata.generation,
    version: previous.version,
    lastAttemptedVersion: previous.lastAttemptedVersion,
  };
  const selection = selectPackage(install, inputs.packages);
  if (selection.error !== undefined) {
    return { status: failedStatus(kept, { message: selection.error }) };
  }
  const { version } = selection;
  const downgrade = downgradeBlocked(install, version);
  if (downgrade) {
    return {
      status: failedStatus(
        { ...kept, version },
        { message: SEE_USEFUL_ERROR_MESSAGE, usefulErrorMessage: downgrade },
      ),
    };
  }
  const templateFailure = templateFailureOf(inputs, selection.package);
  const attempted = { ...kept, version, lastAttemptedVersion: version };
  return {
    status: templateFailure
      ? failedStatus(attempted, {
          message: SEE_USEFUL_ERROR_MESSAGE,
          usefulErrorMessage: templateFailure.stderr ?? templateFailure.message,
        })
      : succeededStatus(attempted),
    app: { package: selection.package, version, templateFailure },
  };
}
