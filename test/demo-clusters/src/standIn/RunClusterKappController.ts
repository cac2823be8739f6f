import type { ClusterStore } from '@carvel-gitops/kube-apiserver-sim';
import { AppReconciler } from './AppReconciler';
import { PackageInstallReconciler } from './PackageInstallReconciler';

export interface RunClusterKappControllerOptions {
  cluster: string;
  store: ClusterStore;
  /** How long an App's reconcile (or deletion) takes. */
  reconcileDelayMs: number;
  now: () => number;
  log: (line: string) => void;
}

/** kapp-controller on one simulated run cluster: its PackageInstall and App controllers. */
export class RunClusterKappController {
  private readonly packageInstalls: PackageInstallReconciler;
  private readonly apps: AppReconciler;

  constructor(options: RunClusterKappControllerOptions) {
    this.packageInstalls = new PackageInstallReconciler(options);
    this.apps = new AppReconciler(options);
  }

  /** One round; PackageInstalls run again after the Apps, as kapp-controller's watch on their Apps makes them. */
  reconcileAll(): void {
    this.packageInstalls.reconcileAll();
    this.apps.reconcileAll();
    this.packageInstalls.reconcileAll();
  }
}
