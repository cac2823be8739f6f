/** Catalog annotation: one or more Package refNames, comma-separated. */
export const ANNOTATION_CARVEL_PACKAGE_NAME = 'carvel.dev/package-name';
/** Catalog annotation: only these cluster names (comma-separated). */
export const ANNOTATION_CARVEL_CLUSTERS = 'carvel.dev/clusters';
/** Catalog annotation: only PackageInstalls in this namespace. */
export const ANNOTATION_CARVEL_NAMESPACE = 'carvel.dev/namespace';

export const PACKAGING_API_VERSION = 'packaging.carvel.dev/v1alpha1';
export const DATA_PACKAGING_API_VERSION = 'data.packaging.carvel.dev/v1alpha1';
export const KAPPCTRL_API_VERSION = 'kappctrl.k14s.io/v1alpha1';

/** PackageInstall annotation that allows selecting a version lower than the last attempted one. */
export const ANNOTATION_DOWNGRADABLE = 'packaging.carvel.dev/downgradable';
/** App annotation written by kapp-controller: the package version actually handed to the App. */
export const ANNOTATION_APP_PACKAGE_VERSION =
  'packaging.carvel.dev/package-version';
export const ANNOTATION_KAPP_CHANGE_GROUP = 'kapp.k14s.io/change-group';
export const ANNOTATION_KAPP_CHANGE_RULE = 'kapp.k14s.io/change-rule';
/** App annotation written by kapp-controller: the Package refName the App installs. */
export const ANNOTATION_APP_PACKAGE_REF_NAME =
  'packaging.carvel.dev/package-ref-name';

/** Label on the GitOps Apps the generator writes: the run cluster the App delivers to. */
export const LABEL_CARVEL_CLUSTER = 'carvel.dev/cluster';
/**
 * Annotation on the GitOps Apps the generator writes: the Package refName they deliver
 * (the same key as the catalog annotation, so both read alike).
 */
export const ANNOTATION_GITOPS_APP_PACKAGE_NAME =
  ANNOTATION_CARVEL_PACKAGE_NAME;

/** kapp-controller's condition message when the details are in usefulErrorMessage. */
export const SEE_USEFUL_ERROR_MESSAGE =
  'Error (see .status.usefulErrorMessage for details)';
