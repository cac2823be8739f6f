/**
 * Backend plugin `carvel`: live Carvel Package, PackageInstall and App state from many clusters.
 *
 * @packageDocumentation
 */
export { carvelPlugin as default } from './plugin';
