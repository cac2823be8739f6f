export {
  deriveAppState,
  derivePackageInstallState,
  deriveReconcileState,
  type AppReconcileState,
  type PackageInstallReconcileState,
  type ReconcileState,
} from './deriveStatus';
