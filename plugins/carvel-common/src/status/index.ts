export { deriveAppState, type AppStatusSummary } from './deriveAppState';
export {
  derivePackageInstallState,
  type DerivePackageInstallStateOptions,
  type PackageInstallStatusSummary,
} from './derivePackageInstallState';
export type { CarvelStatusSummary } from './summariseCarvelResource';
