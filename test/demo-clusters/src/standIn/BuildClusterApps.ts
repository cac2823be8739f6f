import {
  ANNOTATION_GITOPS_APP_PACKAGE_NAME,
  type AppStatus,
  LABEL_CARVEL_CLUSTER,
} from '@carvel-gitops/plugin-carvel-common';
import type {
  ClusterStore,
  KubeObject,
  ObjectRef,
} from '@carvel-gitops/kube-apiserver-sim';
import { parseAllDocuments } from 'yaml';
import { type ApplyResult, applyManifests, refOf } from './applyManifests';
import { type FetchedCommit, vendirSync } from './gitops/vendirSync';
import { gitopsAppOutcome, gitopsAppStatus } from './gitopsAppStatus';
import { APP_KIND, refKey } from './kinds';

/** A run cluster as a GitOps App sees it: what kapp waits on for one package folder. */
export interface DeliveryTarget {
  name: string;
  waitedPackageInstalls(packageName: string): KubeObject[];
}

const APPS_FILE = /^([^/]+)\/apps\/([^/]+)\.ya?ml$/;

/**
 * The build cluster of the demo: holds the GitOps Apps of `<package>/apps/<cluster>.yaml` and
 * reports on each what delivering its folder to the run cluster gave.
 */
export class BuildClusterApps {
  private owned: ObjectRef[] = [];
  private reported = new Map<string, string>();
  /** Per App in the middle of a reconcile: the commit and generation it started with. */
  private reconciling = new Map<string, string>();
  private fetchedCommit?: FetchedCommit;

  constructor(
    private readonly store: ClusterStore,
    private readonly runClusters: DeliveryTarget[],
    private readonly now: () => number,
  ) {}

  /** Applies the Apps of `files`; from now on every App fetches `commit` (the commit `files` are from). */
  deploy(
    files: ReadonlyMap<string, string>,
    commit: FetchedCommit,
  ): ApplyResult {
    this.fetchedCommit = commit;
    const desired: KubeObject[] = [];
    const failures: string[] = [];
    for (const [file, text] of files) {
      if (!APPS_FILE.test(file)) continue;
      for (const doc of parseAllDocuments(text)) {
        const object = doc.toJS() as KubeObject | null;
        if (doc.errors.length > 0)
          failures.push(`${file}: ${doc.errors[0].message}`);
        else if (object?.kind === APP_KIND.kind) desired.push(object);
      }
    }
    const kept = new Set(desired.map(o => refKey(refOf(o))));
    const obsolete = this.owned.filter(ref => !kept.has(refKey(ref)));
    const result = applyManifests(this.store, desired, obsolete);
    this.owned = desired.map(refOf);
    return {
      changes: result.changes,
      failures: [...failures, ...result.failures],
    };
  }

  /** Brings every App's status in line with its run cluster; `deployFailures` by cluster name. */
  reconcileAll(deployFailures: ReadonlyMap<string, string[]>): void {
    const commit = this.fetchedCommit;
    if (!commit) return;
    for (const ref of this.owned) {
      const app = this.store.get(ref);
      if (!app) continue;
      const clusterName = app.metadata.labels?.[LABEL_CARVEL_CLUSTER];
      const packageName =
        app.metadata.annotations?.[ANNOTATION_GITOPS_APP_PACKAGE_NAME];
      const runCluster = this.runClusters.find(c => c.name === clusterName);
      const deployFailure = runCluster
        ? deployFailures
            .get(runCluster.name)
            ?.find(f => f.startsWith(`${packageName}/`))
        : `Preparing kapp: no run cluster '${clusterName}' in the demo`;
      const packageInstalls =
        runCluster && packageName
          ? runCluster.waitedPackageInstalls(packageName)
          : [];
      const outcome = gitopsAppOutcome({ deployFailure, packageInstalls });
      const spec = (app.spec ?? {}) as {
        paused?: boolean;
        canceled?: boolean;
        fetch?: unknown;
      };
      const paused = Boolean(spec.paused || spec.canceled);
      const key = refKey(ref);
      const reconcile = JSON.stringify([commit.sha, app.metadata.generation]);
      const fingerprint = JSON.stringify([paused || outcome, reconcile]);
      if (this.reported.get(key) === fingerprint) continue;
      this.reported.set(key, fingerprint);
      const fetch = vendirSync(spec.fetch, commit);
      const continuing = this.reconciling.get(key) === reconcile;
      if (outcome.reconciling && !paused && fetch.error === undefined) {
        this.reconciling.set(key, reconcile);
      } else {
        this.reconciling.delete(key);
      }
      this.store.updateStatus({
        ...app,
        status: gitopsAppStatus({
          previous: app.status as AppStatus | undefined,
          outcome,
          fetch,
          continuing,
          generation: app.metadata.generation,
          paused,
          now: new Date(this.now()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        }),
      });
    }
  }
}
