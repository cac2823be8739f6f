import type { DriftState } from '../api';
import type { DesiredPackageInstall } from './desiredState';
import {
  packageInstallDifferences,
  type ActualPackageInstall,
} from './packageInstallDifferences';

/** Where the delivering App's deployed commit stands against the branch head git was read at. */
export type DeployedCommitRelation =
  | 'head'
  | 'behind'
  | 'ahead'
  | 'diverged'
  | 'unknown';

export interface DeliveringApp {
  /** The commit its last successful reconcile fetched and deployed. */
  deployedCommit?: string;
  /** How `deployedCommit` relates to `desired.commit`; 'unknown' without a deployed commit. */
  relation: DeployedCommitRelation;
  /** It fetched without failing but reports no commit (no vendir lock in its status): compare with the head. */
  commitsUnknown?: boolean;
}

export interface DriftInput {
  /** False when no followed repository has been read, so git's view is not known. */
  repositoryKnown: boolean;
  /** Set when git has the PackageInstall's file but it could not be read. */
  desiredProblem?: string;
  desired?: DesiredPackageInstall;
  actual?: ActualPackageInstall;
  /** The watched GitOps App that delivers the package to this cluster, if any. */
  deliveringApp?: DeliveringApp;
}

export interface DriftResult {
  drift: DriftState;
  driftDetail: string;
  deployedCommit?: string;
}

const SHORT_SHA_LENGTH = 7;
const short = (sha: string) => sha.slice(0, SHORT_SHA_LENGTH);

function detailOfDifferences(sentences: string[]): string {
  const [first, ...rest] = sentences;
  return rest.length === 0
    ? first
    : `${first} (and ${rest.length} more: ${rest.join('; ')})`;
}

/** Why the head is not deployed, for a delivering App that has not deployed it. */
function notDeployedYet(head: string, app: DeliveringApp): string {
  const deployed = app.deployedCommit;
  if (!deployed) {
    return `git's head ${short(
      head,
    )} is not deployed yet: the delivering App has not reconciled it successfully`;
  }
  switch (app.relation) {
    case 'behind':
      return `git's head ${short(
        head,
      )} is not deployed yet: the App deployed ${short(deployed)}`;
    case 'diverged':
      return `the App deployed ${short(
        deployed,
      )}, which is not on the branch; git's head is ${short(head)}`;
    default:
      return `the App deployed ${short(
        deployed,
      )}, a commit not known beside git's head ${short(head)}`;
  }
}

/** Why the cluster was compared with the head rather than through the deployed commit, if it was. */
function headComparisonNote(app: DeliveringApp | undefined): string {
  if (!app) {
    return " (no watched App delivers it, so it was compared with git's head)";
  }
  if (app.commitsUnknown) {
    return " (the delivering App reports no commit, so it was compared with git's head)";
  }
  return '';
}

/**
 * Drift of one cluster × PackageInstall: git's desired state at the branch head against the object on
 * the cluster, through the commit the delivering App deployed. Pure; the relation of commits is
 * looked up by the caller. Without a watched delivering App, the object is compared with the head.
 */
export function compareDrift(input: DriftInput): DriftResult {
  const { desired, actual, deliveringApp } = input;
  const deployedCommit = deliveringApp?.deployedCommit;
  const result = (drift: DriftState, driftDetail: string): DriftResult => ({
    drift,
    driftDetail,
    ...(deployedCommit ? { deployedCommit } : {}),
  });

  if (!input.repositoryKnown) {
    return result('unknown', 'no GitOps repository is followed for it');
  }
  if (input.desiredProblem) {
    return result(
      'unknown',
      `git's file cannot be read: ${input.desiredProblem}`,
    );
  }
  if (!desired) {
    return actual
      ? result('not-in-git', 'the GitOps repository does not declare it')
      : result('unknown', 'neither git nor the cluster has it');
  }
  const noApp = headComparisonNote(deliveringApp);
  if (
    deliveringApp &&
    !deliveringApp.commitsUnknown &&
    deliveringApp.relation !== 'head' &&
    deliveringApp.relation !== 'ahead'
  ) {
    return result('pending', notDeployedYet(desired.commit, deliveringApp));
  }
  if (!actual) {
    return result(
      'missing',
      `git declares it in ${desired.file}, the cluster has no such PackageInstall${noApp}`,
    );
  }
  const differences = packageInstallDifferences(desired, actual);
  if (differences.length > 0) {
    return result(
      'drifted',
      `${detailOfDifferences(differences.map(d => d.sentence))}${noApp}`,
    );
  }
  return result(
    'in-sync',
    `the cluster matches git at ${short(desired.commit)}${noApp}`,
  );
}
