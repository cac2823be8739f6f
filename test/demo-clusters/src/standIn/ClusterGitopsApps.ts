import type {
  ClusterStore,
  KubeObject,
  ObjectRef,
} from '@carvel-gitops/kube-apiserver-sim';
import { type ApplyResult, applyManifests, refOf } from './applyManifests';
import { manifestsForCluster } from './gitops/clusterManifests';
import { PACKAGE_INSTALL_KIND, refKey } from './kinds';

/**
 * The GitOps Apps that deploy to one run cluster (one per package folder with a folder for
 * this cluster), applied with kapp semantics. Remembers what each folder deployed, so objects
 * removed from git are deleted, and a folder that fails to render keeps what it had.
 */
export class ClusterGitopsApps {
  private owned = new Map<string, ObjectRef[]>();
  /** Objects each folder deleted, until they are gone: kapp waits on their deletion. */
  private deleting = new Map<string, ObjectRef[]>();

  constructor(readonly cluster: string, private readonly store: ClusterStore) {}

  deploy(files: ReadonlyMap<string, string>): ApplyResult {
    const desired = new Map<string, KubeObject>();
    const next = new Map<string, ObjectRef[]>();
    const failures: string[] = [];
    for (const folder of manifestsForCluster(this.cluster, files)) {
      if (folder.error !== undefined) {
        failures.push(`${folder.folder}: ${folder.error}`);
        next.set(folder.folder, this.owned.get(folder.folder) ?? []);
        continue;
      }
      for (const object of folder.objects) {
        desired.set(refKey(refOf(object)), object);
      }
      next.set(folder.folder, folder.objects.map(refOf));
    }
    const kept = new Set([...next.values()].flat().map(refKey));
    const obsolete = new Map<string, ObjectRef>();
    for (const ref of [...this.owned.values()].flat()) {
      if (!kept.has(refKey(ref))) obsolete.set(refKey(ref), ref);
    }
    for (const [folder, refs] of this.owned) {
      const gone = refs.filter(ref => obsolete.has(refKey(ref)));
      if (gone.length > 0)
        this.deleting.set(folder, [
          ...(this.deleting.get(folder) ?? []),
          ...gone,
        ]);
    }
    const result = applyManifests(
      this.store,
      [...desired.values()],
      [...obsolete.values()],
    );
    this.owned = next;
    return {
      changes: result.changes,
      failures: [...failures, ...result.failures],
    };
  }

  /** The PackageInstalls kapp waits on for a package folder: those it applies and those it is deleting. */
  waitedPackageInstalls(folder: string): KubeObject[] {
    const present = (ref: ObjectRef) => this.store.get(ref);
    const stillDeleting = (this.deleting.get(folder) ?? []).filter(present);
    this.deleting.set(folder, stillDeleting);
    return [...(this.owned.get(folder) ?? []), ...stillDeleting]
      .filter(ref => ref.kind === PACKAGE_INSTALL_KIND.kind)
      .map(present)
      .filter((object): object is KubeObject => object !== undefined);
  }
}
