import type { ObjectRef } from '@carvel-gitops/kube-apiserver-sim';
import {
  DATA_PACKAGING_API_VERSION,
  KAPPCTRL_API_VERSION,
  PACKAGING_API_VERSION,
} from '@carvel-gitops/plugin-carvel-common';

/** Marks every object the demo's stand-in writes, so nobody mistakes it for a real cluster's. */
export const SIMULATED_ANNOTATION = 'demo.carvel-gitops.dev/simulated';

export const PACKAGE_INSTALL_FINALIZER =
  'finalizers.packageinstall.packaging.carvel.dev/delete';

/** kapp-controller's App finalizer (pkg/app/finalizer.go:13 at e4b4822). */
export const APP_FINALIZER = 'finalizers.kapp-ctrl.k14s.io/delete';

export const PACKAGE_INSTALL_KIND = {
  apiVersion: PACKAGING_API_VERSION,
  kind: 'PackageInstall',
} as const;
export const PACKAGE_KIND = {
  apiVersion: DATA_PACKAGING_API_VERSION,
  kind: 'Package',
} as const;
export const APP_KIND = {
  apiVersion: KAPPCTRL_API_VERSION,
  kind: 'App',
} as const;
export const SECRET_KIND = { apiVersion: 'v1', kind: 'Secret' } as const;
export const NAMESPACE_KIND = { apiVersion: 'v1', kind: 'Namespace' } as const;

/** kapp-controller's default packaging global namespace: its Packages are visible in every namespace. */
export const PACKAGING_GLOBAL_NAMESPACE = 'kapp-controller-packaging-global';

export function refKey(ref: ObjectRef): string {
  return `${ref.apiVersion}/${ref.kind}/${ref.namespace ?? ''}/${ref.name}`;
}

export function describeRef(ref: ObjectRef): string {
  return ref.namespace
    ? `${ref.kind} ${ref.namespace}/${ref.name}`
    : `${ref.kind} ${ref.name}`;
}
