import type {
  ClusterStore,
  KubeObject,
  ObjectRef,
} from '@carvel-gitops/kube-apiserver-sim';
import {
  ANNOTATION_APP_PACKAGE_REF_NAME,
  ANNOTATION_APP_PACKAGE_VERSION,
  type App,
  type AppStatus,
  type Package,
  type Secret,
} from '@carvel-gitops/plugin-carvel-common';
import {
  APP_FINALIZER,
  APP_KIND,
  PACKAGE_KIND,
  PACKAGING_GLOBAL_NAMESPACE,
  SECRET_KIND,
  SIMULATED_ANNOTATION,
} from './kinds';
import { sameContent } from './reconcile/sameContent';
import {
  appCanceledOrPaused,
  appSetDeleting,
  appSetReconcileCompleted,
  appSetReconciling,
} from './reconcile/appStatus';
import { templateApp, valuesSecretNames } from './reconcile/templateApp';

export interface AppReconcilerOptions {
  cluster: string;
  store: ClusterStore;
  /** How long a reconcile (or a deletion) of an App takes. */
  reconcileDelayMs: number;
  now: () => number;
  log: (line: string) => void;
}

interface Progress {
  fingerprint: string;
  dueAt?: number;
}

const SIMULATED_DEPLOY_OUTPUT =
  'Simulated by the demo kapp-controller stand-in: nothing was deployed.\nSucceeded';

function formatTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * kapp-controller's App controller (pkg/app/app_reconcile.go at e4b4822) for the Apps the
 * stand-in made from PackageInstalls: a reconcile is Reconciling for the delay, then its
 * simulated template step decides the outcome; nothing is deployed.
 */
export class AppReconciler {
  private readonly progress = new Map<string, Progress>();

  constructor(private readonly options: AppReconcilerOptions) {}

  reconcileAll(): void {
    const seen = new Set<string>();
    for (const object of this.options.store.list(APP_KIND)) {
      const app = object as unknown as App;
      if (app.metadata.annotations?.[SIMULATED_ANNOTATION] === undefined)
        continue;
      const key =
        app.metadata.uid ?? `${app.metadata.namespace}/${app.metadata.name}`;
      seen.add(key);
      try {
        this.reconcile(app, key);
      } catch (error) {
        this.options.log(`${this.describe(app)}: ${(error as Error).message}`);
      }
    }
    for (const key of [...this.progress.keys()]) {
      if (!seen.has(key)) this.progress.delete(key);
    }
  }

  private reconcile(app: App, key: string): void {
    const generation = app.metadata.generation;
    const status = app.status ?? {};
    if (app.metadata.deletionTimestamp) {
      const deleted = this.advance(key, 'deleting', () =>
        this.writeStatus(app, appSetDeleting(status, generation)),
      );
      if (deleted) this.finishDeletion(app);
      return;
    }
    if (app.spec.paused || app.spec.canceled) {
      this.progress.delete(key);
      this.writeStatus(app, appCanceledOrPaused(status, generation));
      return;
    }
    const inputs = this.inputsFor(app);
    const fingerprint = JSON.stringify({
      generation,
      package: inputs.pkg?.spec ?? null,
      values: valuesSecretNames(app).map(name => {
        const secret = inputs.secrets.get(name);
        return secret ? [secret.data ?? {}, secret.stringData ?? {}] : null;
      }),
    });
    const due = this.advance(key, fingerprint, () => {
      this.writeStatus(app, appSetReconciling(status, generation));
      this.options.log(`${this.describe(app)}: Reconciling`);
    });
    if (!due) return;
    this.completeReconcile(app, inputs);
  }

  /** Starts a phase when `fingerprint` is new; true once, when its delay has passed. */
  private advance(
    key: string,
    fingerprint: string,
    start: () => void,
  ): boolean {
    const progress = this.progress.get(key);
    if (progress?.fingerprint !== fingerprint) {
      start();
      this.progress.set(key, {
        fingerprint,
        dueAt: this.options.now() + this.options.reconcileDelayMs,
      });
      return false;
    }
    if (progress.dueAt === undefined || this.options.now() < progress.dueAt) {
      return false;
    }
    progress.dueAt = undefined;
    return true;
  }

  /** reconcileFetchTemplateDeploy, app_reconcile.go:105-178: a failed step ends the reconcile. */
  private completeReconcile(
    app: App,
    inputs: { pkg?: Package; secrets: ReadonlyMap<string, Secret> },
  ): void {
    const now = formatTimestamp(this.options.now());
    const previous = (app.status ?? {}) as AppStatus & Record<string, unknown>;
    const fetchError = inputs.pkg
      ? undefined
      : `Fetching resources: simulated bundle: no Package ${this.packageRef(
          app,
        )}`;
    let status: AppStatus & Record<string, unknown> = {
      ...previous,
      fetch: {
        exitCode: fetchError ? 1 : 0,
        ...(fetchError ? { error: fetchError } : {}),
        startedAt: now,
        updatedAt: now,
      },
    };
    let result: { error?: string; stderr?: string } = { error: fetchError };
    if (inputs.pkg) {
      result = templateApp(app, inputs.pkg, inputs.secrets);
      let exitCode = result.stderr ? 1 : -1;
      if (result.error === undefined) exitCode = 0;
      status.template = {
        exitCode,
        ...(result.error ? { error: result.error } : {}),
        ...(result.stderr ? { stderr: result.stderr } : {}),
        updatedAt: now,
      };
      if (result.error === undefined) {
        this.addFinalizer(app);
        status.deploy = {
          exitCode: 0,
          finished: true,
          startedAt: now,
          updatedAt: now,
          stdout: SIMULATED_DEPLOY_OUTPUT,
        } as AppStatus['deploy'];
      }
    }
    status = appSetReconcileCompleted(status, result);
    const current = this.options.store.get(this.ref(app)) as unknown as App;
    this.writeStatus(current ?? app, status);
    this.options.log(`${this.describe(app)}: ${status.friendlyDescription}`);
  }

  /** reconcileDelete then unblockDeletion (app_reconcile.go:59-82, app_deploy.go:85); nothing to undeploy. */
  private finishDeletion(app: App): void {
    const finalizers =
      (app.metadata as KubeObject['metadata']).finalizers ?? [];
    this.options.store.patch(this.ref(app), {
      metadata: { finalizers: finalizers.filter(f => f !== APP_FINALIZER) },
    });
    this.options.log(`${this.describe(app)}: deleted`);
  }

  /** blockDeletion before the deploy step (pkg/app/app_deploy.go:16). */
  private addFinalizer(app: App): void {
    const finalizers =
      (app.metadata as KubeObject['metadata']).finalizers ?? [];
    if (finalizers.includes(APP_FINALIZER)) return;
    this.options.store.patch(this.ref(app), {
      metadata: { finalizers: [...finalizers, APP_FINALIZER] },
    });
  }

  private inputsFor(app: App) {
    const { store } = this.options;
    const namespace = app.metadata.namespace;
    const annotations = app.metadata.annotations ?? {};
    const named = (p: Package) =>
      p.spec?.refName === annotations[ANNOTATION_APP_PACKAGE_REF_NAME] &&
      p.spec?.version === annotations[ANNOTATION_APP_PACKAGE_VERSION];
    const find = (ns: string | undefined) =>
      (
        store.list({ ...PACKAGE_KIND, namespace: ns }) as unknown as Package[]
      ).find(named);
    const secrets = store.list({
      ...SECRET_KIND,
      namespace,
    }) as unknown as Secret[];
    return {
      pkg: find(namespace) ?? find(PACKAGING_GLOBAL_NAMESPACE),
      secrets: new Map(secrets.map(s => [s.metadata.name, s])),
    };
  }

  private writeStatus(app: App, status: AppStatus): void {
    if (sameContent(app.status ?? {}, status)) return;
    this.options.store.updateStatus({
      ...(app as unknown as KubeObject),
      metadata: { ...app.metadata, resourceVersion: undefined },
      status,
    } as KubeObject);
  }

  private packageRef(app: App): string {
    const annotations = app.metadata.annotations ?? {};
    return `${annotations[ANNOTATION_APP_PACKAGE_REF_NAME]}/${annotations[ANNOTATION_APP_PACKAGE_VERSION]}`;
  }

  private ref(app: App): ObjectRef {
    return {
      ...APP_KIND,
      namespace: app.metadata.namespace,
      name: app.metadata.name,
    };
  }

  private describe(app: App): string {
    return `${this.options.cluster}: App ${app.metadata.namespace}/${app.metadata.name}`;
  }
}
