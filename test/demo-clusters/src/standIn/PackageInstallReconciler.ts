import type {
  ClusterStore,
  KubeObject,
  ObjectRef,
} from '@carvel-gitops/kube-apiserver-sim';
import type {
  App,
  Package,
  PackageInstall,
  PackageInstallStatus,
} from '@carvel-gitops/plugin-carvel-common';
import {
  APP_KIND,
  PACKAGE_INSTALL_FINALIZER,
  PACKAGE_INSTALL_KIND,
  PACKAGE_KIND,
  PACKAGING_GLOBAL_NAMESPACE,
} from './kinds';
import { sameContent } from './reconcile/sameContent';
import {
  reconcilePackageInstall,
  reconcilePackageInstallDeletion,
} from './reconcile/reconcilePackageInstall';

export interface PackageInstallReconcilerOptions {
  cluster: string;
  store: ClusterStore;
  log: (line: string) => void;
}

const asKubeObject = (object: unknown) => object as KubeObject;

/**
 * kapp-controller's PackageInstall controller for one simulated cluster
 * (pkg/packageinstall/packageinstall.go at e4b4822): every call reconciles each PackageInstall
 * once against its App, as kapp-controller does whenever the PackageInstall or its App changes.
 */
export class PackageInstallReconciler {
  constructor(private readonly options: PackageInstallReconcilerOptions) {}

  reconcileAll(): void {
    const installs = this.options.store.list(
      PACKAGE_INSTALL_KIND,
    ) as unknown as PackageInstall[];
    for (const install of installs) {
      try {
        if (install.metadata.deletionTimestamp) {
          this.reconcileDeletion(install);
        } else {
          this.reconcile(install);
        }
      } catch (error) {
        this.log(`${this.describe(install)}: ${(error as Error).message}`);
      }
    }
  }

  private reconcile(found: PackageInstall): void {
    const install = this.withFinalizer(found);
    const result = reconcilePackageInstall({
      install,
      packages: this.packagesFor(install),
      existingApp: this.app(install),
    });
    this.writeStatus(install, result.status);
    if (result.app) this.writeApp(result.app);
  }

  private reconcileDeletion(install: PackageInstall): void {
    const finalizers = (install.metadata as KubeObject['metadata']).finalizers;
    if (!finalizers?.includes(PACKAGE_INSTALL_FINALIZER)) return;
    const result = reconcilePackageInstallDeletion(install, this.app(install));
    if (result.updatedApp) this.writeApp(result.updatedApp);
    if (result.deleteApp) this.options.store.delete(this.appRef(install));
    if (result.unblockDeletion) {
      this.options.store.patch(this.ref(install), {
        metadata: {
          finalizers: finalizers.filter(f => f !== PACKAGE_INSTALL_FINALIZER),
        },
      });
      this.log(`${this.describe(install)}: deleted`);
      return;
    }
    this.writeStatus(install, result.status);
  }

  /** blockDeletion, packageinstall.go:442-455. */
  private withFinalizer(install: PackageInstall): PackageInstall {
    const finalizers =
      (install.metadata as KubeObject['metadata']).finalizers ?? [];
    if (finalizers.includes(PACKAGE_INSTALL_FINALIZER)) return install;
    return this.options.store.patch(this.ref(install), {
      metadata: { finalizers: [...finalizers, PACKAGE_INSTALL_FINALIZER] },
    }) as unknown as PackageInstall;
  }

  /** What the aggregated API lists in the namespace: its own Packages, then the global ones not shadowed. */
  private packagesFor(install: PackageInstall): Package[] {
    const { store } = this.options;
    const namespace = install.metadata.namespace;
    const local = store.list({
      ...PACKAGE_KIND,
      namespace,
    }) as unknown as Package[];
    const global =
      namespace === PACKAGING_GLOBAL_NAMESPACE
        ? []
        : (store.list({
            ...PACKAGE_KIND,
            namespace: PACKAGING_GLOBAL_NAMESPACE,
          }) as unknown as Package[]);
    const isLocal = (p: Package) =>
      local.some(
        l =>
          l.spec.refName === p.spec.refName &&
          l.spec.version === p.spec.version,
      );
    return [...local, ...global.filter(p => !isLocal(p))];
  }

  private app(install: PackageInstall): App | undefined {
    return this.options.store.get(this.appRef(install)) as unknown as
      | App
      | undefined;
  }

  private writeApp(app: App): void {
    const { store } = this.options;
    const ref = this.appRef(app as unknown as PackageInstall);
    if (store.get(ref)) store.update(asKubeObject(app));
    else store.create(asKubeObject(app));
  }

  /** updateStatus, packageinstall.go:431-440: written only when it changed. */
  private writeStatus(install: PackageInstall, status: PackageInstallStatus) {
    if (sameContent(install.status ?? {}, status)) return;
    this.options.store.updateStatus(
      asKubeObject({
        ...install,
        metadata: { ...install.metadata, resourceVersion: undefined },
        status,
      }),
    );
    if (install.status?.friendlyDescription !== status.friendlyDescription) {
      const version = status.version ? ` (${status.version})` : '';
      this.log(
        `${this.describe(install)}: ${status.friendlyDescription}${version}`,
      );
    }
  }

  private ref(install: PackageInstall): ObjectRef {
    return {
      ...PACKAGE_INSTALL_KIND,
      namespace: install.metadata.namespace,
      name: install.metadata.name,
    };
  }

  private appRef(install: PackageInstall): ObjectRef {
    return { ...this.ref(install), ...APP_KIND };
  }

  private describe(install: PackageInstall): string {
    return `${this.options.cluster}: PackageInstall ${install.metadata.namespace}/${install.metadata.name}`;
  }

  private log(line: string): void {
    this.options.log(line);
  }
}
