import type {
  ClusterStore,
  KubeObject,
  ObjectRef,
} from '@carvel-gitops/kube-apiserver-sim';
import type {
  App,
  GenericStatus,
  Package,
  PackageInstall,
  Secret,
} from '@carvel-gitops/plugin-carvel-common';
import {
  APP_KIND,
  PACKAGE_INSTALL_FINALIZER,
  PACKAGE_INSTALL_KIND,
  PACKAGE_KIND,
  PACKAGING_GLOBAL_NAMESPACE,
  SECRET_KIND,
} from './kinds';
import { deletingStatus, reconcilingStatus } from './reconcile/carvelStatus';
import {
  type AppDeployment,
  type PackageInstallInputs,
  decidePackageInstall,
} from './reconcile/decidePackageInstall';
import {
  packageInstallApp,
  packageInstallAppStatus,
} from './reconcile/packageInstallApp';
import { reconcileFingerprint } from './reconcile/reconcileFingerprint';

export interface PackageInstallReconcilerOptions {
  cluster: string;
  store: ClusterStore;
  /** How long a PackageInstall stays Reconciling (or Deleting) before the outcome is written. */
  reconcileDelayMs: number;
  now: () => number;
  log: (line: string) => void;
}

interface Progress {
  fingerprint: string;
  /** When the Reconciling (or Deleting) phase ends. */
  dueAt?: number;
}

const asKubeObject = (object: unknown) => object as KubeObject;

function formatTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * kapp-controller's PackageInstall controller for one simulated cluster: each call of
 * `reconcileAll` moves every PackageInstall one step (start reconciling, or write the
 * outcome once the delay passed; the same for deletion).
 */
export class PackageInstallReconciler {
  private readonly progress = new Map<string, Progress>();

  constructor(private readonly options: PackageInstallReconcilerOptions) {}

  reconcileAll(): void {
    const installs = this.options.store.list(
      PACKAGE_INSTALL_KIND,
    ) as unknown as PackageInstall[];
    const seen = new Set<string>();
    for (const install of installs) {
      const key = install.metadata.uid ?? this.describe(install);
      seen.add(key);
      try {
        if (install.metadata.deletionTimestamp) {
          this.reconcileDeletion(install, key);
        } else {
          this.reconcile(install, key);
        }
      } catch (error) {
        this.log(`${this.describe(install)}: ${(error as Error).message}`);
      }
    }
    for (const key of [...this.progress.keys()]) {
      if (!seen.has(key)) this.progress.delete(key);
    }
  }

  private reconcile(found: PackageInstall, key: string): void {
    const install = this.withFinalizer(found);
    const inputs = this.inputsFor(install);
    const fingerprint = reconcileFingerprint(inputs);
    const progress = this.progress.get(key);
    if (progress?.fingerprint !== fingerprint) {
      this.writeStatus(
        install,
        reconcilingStatus(install.status, install.metadata.generation),
      );
      this.progress.set(key, {
        fingerprint,
        dueAt: this.options.now() + this.options.reconcileDelayMs,
      });
      this.log(`${this.describe(install)}: Reconciling`);
      return;
    }
    if (progress.dueAt === undefined || this.options.now() < progress.dueAt) {
      return;
    }
    progress.dueAt = undefined;
    const decision = decidePackageInstall(inputs);
    if (decision.app) this.writeApp(install, decision.app);
    this.writeStatus(install, decision.status);
    const version = decision.status.version
      ? ` (${decision.status.version})`
      : '';
    this.log(
      `${this.describe(install)}: ${
        decision.status.friendlyDescription
      }${version}`,
    );
  }

  private reconcileDeletion(install: PackageInstall, key: string): void {
    const finalizers = (install.metadata as KubeObject['metadata']).finalizers;
    if (!finalizers?.includes(PACKAGE_INSTALL_FINALIZER)) return;
    const progress = this.progress.get(key);
    if (progress?.fingerprint !== 'deleting') {
      this.writeStatus(install, deletingStatus(install.status));
      this.progress.set(key, {
        fingerprint: 'deleting',
        dueAt: this.options.now() + this.options.reconcileDelayMs,
      });
      this.log(`${this.describe(install)}: Deleting`);
      return;
    }
    if (progress.dueAt === undefined || this.options.now() < progress.dueAt) {
      return;
    }
    const app = this.options.store.get(this.appRef(install));
    if (app) this.options.store.delete(this.appRef(install));
    this.options.store.patch(this.ref(install), {
      metadata: {
        finalizers: finalizers.filter(f => f !== PACKAGE_INSTALL_FINALIZER),
      },
    });
    this.log(`${this.describe(install)}: deleted, with its App`);
  }

  private withFinalizer(install: PackageInstall): PackageInstall {
    const finalizers =
      (install.metadata as KubeObject['metadata']).finalizers ?? [];
    if (finalizers.includes(PACKAGE_INSTALL_FINALIZER)) return install;
    return this.options.store.patch(this.ref(install), {
      metadata: { finalizers: [...finalizers, PACKAGE_INSTALL_FINALIZER] },
    }) as unknown as PackageInstall;
  }

  private inputsFor(install: PackageInstall): PackageInstallInputs {
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
    const secrets = store.list({
      ...SECRET_KIND,
      namespace,
    }) as unknown as Secret[];
    return {
      install,
      packages: [...local, ...global.filter(p => !isLocal(p))],
      secrets: new Map(secrets.map(s => [s.metadata.name, s])),
    };
  }

  private writeApp(install: PackageInstall, deployment: AppDeployment): void {
    const { store } = this.options;
    const desired = packageInstallApp(install, deployment);
    const existing = store.get(this.appRef(install)) as unknown as
      | App
      | undefined;
    const stored = existing
      ? store.update(
          asKubeObject({
            ...desired,
            metadata: {
              ...desired.metadata,
              finalizers: (existing.metadata as KubeObject['metadata'])
                .finalizers,
            },
          }),
        )
      : store.create(asKubeObject(desired));
    store.updateStatus({
      ...stored,
      metadata: { ...stored.metadata, resourceVersion: undefined },
      status: packageInstallAppStatus(deployment, {
        generation: stored.metadata.generation,
        previous: existing?.status,
        now: formatTimestamp(this.options.now()),
      }),
    });
  }

  private writeStatus(install: PackageInstall, status: GenericStatus): void {
    this.options.store.updateStatus(
      asKubeObject({
        ...install,
        metadata: { ...install.metadata, resourceVersion: undefined },
        status,
      }),
    );
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
