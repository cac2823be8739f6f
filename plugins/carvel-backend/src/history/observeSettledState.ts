import {
  CarvelStatus,
  derivePackageInstallState,
  type App,
  type PackageInstall,
} from '@carvel-gitops/plugin-carvel-common';

/** Statuses that end a reconcile: a change into one of them is a deployment worth recording. */
export const RECORDED_STATUSES: ReadonlySet<CarvelStatus> = new Set([
  'succeeded',
  'failed',
  'delete-failed',
]);

/** A PackageInstall that has settled on a (version, status), as the cluster reports it. */
export interface SettledState {
  toVersion?: string;
  status: CarvelStatus;
  at: Date;
  /** Same for every observer of this reconcile: the cluster's time, else the observed generation. */
  transitionId: string;
}

const MAX_ID_PART_CHARS = 128;

const idPart = (value: string | undefined) =>
  (value ?? '').slice(0, MAX_ID_PART_CHARS);

function validTime(text: string | undefined): Date | undefined {
  if (!text) return undefined;
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : new Date(time);
}

/**
 * The settled state of a PackageInstall, or undefined while it is still on its way (reconciling,
 * or reporting success for a version its App has not deployed yet).
 */
export function observeSettledState(
  install: PackageInstall,
  ownedApp: App | undefined,
  now: Date,
): SettledState | undefined {
  const derived = derivePackageInstallState(install, { app: ownedApp });
  if (!RECORDED_STATUSES.has(derived.status) || derived.deployingVersion) {
    return undefined;
  }
  const toVersion =
    derived.status === 'failed'
      ? derived.lastAttemptedVersion ?? derived.version
      : derived.deployedVersion ??
        derived.lastAttemptedVersion ??
        derived.version;
  const reportedAt = validTime(derived.updatedAt);
  const observed = reportedAt
    ? `t${reportedAt.toISOString()}`
    : `g${install.status?.observedGeneration ?? ''}`;
  return {
    toVersion,
    status: derived.status,
    at: reportedAt ?? now,
    transitionId: [observed, idPart(toVersion), derived.status].join('|'),
  };
}
