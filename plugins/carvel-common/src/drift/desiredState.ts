/** A PackageInstall as the GitOps repository's branch head declares it (`<package>/<cluster>/packageinstall.yaml`). */
export interface DesiredPackageInstall {
  /** The repository's url as configured (https) or the local repository's path. */
  repository: string;
  /** Branch head the file was read at. */
  commit: string;
  /** ISO-8601 committer time of `commit`. */
  committedAt: string;
  /** Path inside the repository, e.g. `app.default.tap/staging/packageinstall.yaml`. */
  file: string;
  /** `spec.packageRef.refName`. */
  packageName: string;
  /** The run cluster: the folder name `<cluster>`. */
  cluster: string;
  namespace: string;
  name: string;
  /** `spec.packageRef.versionSelection.constraints`. */
  constraints?: string;
  serviceAccountName?: string;
  /** `spec.values[].secretRef.name`, in file order. */
  valuesSecretNames: string[];
  paused?: boolean;
  /** `spec.cluster.kubeconfigSecretRef.name` when the PackageInstall itself deploys to another cluster. */
  kubeconfigSecretName?: string;
}

/** A GitOps App of `<package>/apps/<cluster>.yaml`: which run cluster it delivers to. */
export interface DesiredGitopsApp {
  repository: string;
  commit: string;
  file: string;
  namespace: string;
  name: string;
  /** From the generator's annotation `carvel.dev/package-name` (else the `<package>` folder). */
  packageName: string;
  /** From the generator's label `carvel.dev/cluster` (else the file name). */
  targetCluster: string;
}

/** A Package document of `<package>/packages/*.yaml`: a version git delivers with the package. */
export interface DesiredPackageVersion {
  repository: string;
  commit: string;
  file: string;
  /** `spec.refName`. */
  packageName: string;
  /** `spec.version`. */
  version: string;
  /** `spec.releasedAt`, when the Package says. */
  releasedAt?: string;
  /** `spec.valuesSchema.openAPIv3`, when it has one within the reader's bounds. */
  valuesSchema?: Record<string, unknown>;
  /** Why the values schema was left out (too big, too deep, not an object). */
  valuesSchemaProblem?: string;
}

/** A file that could not be read; the other files of the repository are still read. */
export interface DesiredStateProblem {
  repository: string;
  file?: string;
  message: string;
}

/** What one repository's branch head declares. */
export interface DesiredRepositoryState {
  repository: string;
  branch: string;
  /** Absent when the repository has not been fetched yet (see `problems`). */
  commit?: string;
  committedAt?: string;
  /** ISO-8601 time the mirror last fetched successfully. */
  fetchedAt?: string;
  packageInstalls: DesiredPackageInstall[];
  apps: DesiredGitopsApp[];
  /** Absent from readers that do not read Package files. */
  packages?: DesiredPackageVersion[];
  problems: DesiredStateProblem[];
}

/** Every followed repository's desired state, plus the commit questions drift and lead times need. */
export interface DesiredState {
  repositories: DesiredRepositoryState[];
}

/** What the backend's repository mirror answers; the drift comparison and history consume it. */
export interface DesiredStateSource {
  desiredState(): DesiredState;
  /** ISO-8601 committer time of a commit any followed repository has, else undefined. */
  commitTime(sha: string): Promise<string | undefined>;
  /** Whether `ancestor` is `descendant` or one of its ancestors; undefined when a sha is unknown. */
  isAncestor(
    ancestor: string,
    descendant: string,
  ): Promise<boolean | undefined>;
}
