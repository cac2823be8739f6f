/**
 * Backstage entity tab showing Carvel PackageInstall state per run cluster.
 *
 * @packageDocumentation
 */
export { carvelPlugin, EntityCarvelContent } from './plugin';
export type { EntityCarvelContentProps } from './components/EntityCarvelContent';
export { isCarvelAvailable } from './isCarvelAvailable';
export { carvelApiRef, CarvelClient } from './api';
export type { CarvelApi } from './api';
export {
  ANNOTATION_CARVEL_CLUSTERS,
  ANNOTATION_CARVEL_NAMESPACE,
  ANNOTATION_CARVEL_PACKAGE_NAME,
} from '@carvel-gitops/plugin-carvel-common';
