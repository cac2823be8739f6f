import {
  ANNOTATION_GITOPS_APP_PACKAGE_NAME,
  LABEL_CARVEL_CLUSTER,
} from '../constants';
import { isRecord, readField as field } from '../status/readCarvelResource';
import type { App } from '../types';
import { fetchedCommitFromLock } from './vendirLock';

/** What a GitOps App (the generator's `<package>/apps/<cluster>.yaml`) says about its delivery. */
export interface GitopsAppDelivery {
  /** The Package refName it delivers (the generator's `carvel.dev/package-name` annotation). */
  packageName?: string;
  /** The run cluster it deploys to. */
  targetCluster?: string;
  /** The commit its last fetch got (`status.fetch`: vendir's lock config). */
  fetchedCommit?: string;
  /** `fetchedCommit` when the reconcile that fetched it also deployed it successfully. */
  deployedCommit?: string;
  /** Its last fetch failed (so it fetched no commit). */
  fetchFailed?: boolean;
}

/** The generator's default kubeconfig Secret name is `<cluster>-kubeconfig`. */
const KUBECONFIG_SECRET_SUFFIX = '-kubeconfig';

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

function targetClusterOf(app: Record<string, unknown>): string | undefined {
  const label = text(
    field(field(app.metadata, 'labels'), LABEL_CARVEL_CLUSTER),
  );
  if (label) return label;
  const secretName = text(
    field(field(field(app.spec, 'cluster'), 'kubeconfigSecretRef'), 'name'),
  );
  return secretName?.endsWith(KUBECONFIG_SECRET_SUFFIX) &&
    secretName.length > KUBECONFIG_SECRET_SUFFIX.length
    ? secretName.slice(0, -KUBECONFIG_SECRET_SUFFIX.length)
    : undefined;
}

const timeOf = (value: unknown) =>
  typeof value === 'string' ? Date.parse(value) : NaN;

/**
 * kapp-controller rewrites status.fetch on every reconcile and sets Reconciling before it starts, so a
 * ReconcileSucceeded at the observed generation means the fetched commit went through template and deploy.
 */
function deployedFetch(app: Record<string, unknown>): boolean {
  const status = app.status;
  const generation = field(app.metadata, 'generation');
  const observedGeneration = field(status, 'observedGeneration');
  const conditions = field(status, 'conditions');
  const condition = Array.isArray(conditions) ? conditions[0] : undefined;
  const fetch = field(status, 'fetch');
  const deploy = field(status, 'deploy');
  if (
    field(condition, 'type') !== 'ReconcileSucceeded' ||
    (generation !== undefined && observedGeneration !== generation) ||
    field(fetch, 'exitCode') !== 0 ||
    field(deploy, 'exitCode') !== 0 ||
    field(deploy, 'finished') !== true
  ) {
    return false;
  }
  const fetchedAt = timeOf(field(fetch, 'updatedAt'));
  const deployStartedAt = timeOf(field(deploy, 'startedAt'));
  // Timestamps have whole seconds: a deploy started in the fetch's second still follows it.
  return (
    Number.isNaN(fetchedAt) ||
    Number.isNaN(deployStartedAt) ||
    deployStartedAt >= fetchedAt
  );
}

/** The commit an App's last successful fetch got, from `status.fetch.stdout`. */
export function fetchedCommitOf(app: App | unknown): string | undefined {
  const fetch = field(field(app, 'status'), 'fetch');
  return field(fetch, 'exitCode') === 0
    ? fetchedCommitFromLock(field(fetch, 'stdout'))
    : undefined;
}

/**
 * Reads a GitOps App defensively; never throws, unknown parts are left out. `fetchedCommit` is for
 * holders that keep the commit instead of the fetch output.
 */
export function readGitopsAppDelivery(
  app: App | unknown,
  fetchedCommit: string | undefined = fetchedCommitOf(app),
): GitopsAppDelivery {
  if (!isRecord(app)) return {};
  const packageName = text(
    field(
      field(app.metadata, 'annotations'),
      ANNOTATION_GITOPS_APP_PACKAGE_NAME,
    ),
  );
  const targetCluster = targetClusterOf(app);
  const deployedCommit =
    fetchedCommit && deployedFetch(app) ? fetchedCommit : undefined;
  const fetchExitCode = field(field(app.status, 'fetch'), 'exitCode');
  const fetchFailed = typeof fetchExitCode === 'number' && fetchExitCode !== 0;
  return {
    ...(packageName ? { packageName } : {}),
    ...(targetCluster ? { targetCluster } : {}),
    ...(fetchedCommit ? { fetchedCommit } : {}),
    ...(deployedCommit ? { deployedCommit } : {}),
    ...(fetchFailed ? { fetchFailed } : {}),
  };
}
