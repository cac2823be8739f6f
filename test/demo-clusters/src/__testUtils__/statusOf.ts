import type { KubeObject } from '@carvel-gitops/kube-apiserver-sim';
import type {
  AppStatus,
  PackageInstallStatus,
} from '@carvel-gitops/plugin-carvel-common';

/** The status of a stored PackageInstall or App, typed for assertions. */
export function statusOf(
  object: KubeObject | undefined,
): (PackageInstallStatus & AppStatus) | undefined {
  return object?.status as (PackageInstallStatus & AppStatus) | undefined;
}
