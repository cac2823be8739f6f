import type { CarvelStatus } from '../api';
import { ANNOTATION_APP_PACKAGE_VERSION } from '../constants';
import type { App, CarvelCondition, PackageInstall } from '../types';

/** kapp-controller's condition message when the details are in usefulErrorMessage. */
const SEE_USEFUL_ERROR_MESSAGE = 'Error (see .status.usefulErrorMessage for details)';

export interface ReconcileState {
  status: CarvelStatus;
  description: string;
  message?: string;
  /** The spec changed and kapp-controller has not reconciled it yet: conditions describe the old spec. */
  pendingSpecChange: boolean;
}

export interface PackageInstallReconcileState extends ReconcileState {
  /** The version the last resolution selected (`status.version`). */
  version?: string;
  lastAttemptedVersion?: string;
  /** The version actually handed to the App: its package-version annotation, else lastAttemptedVersion once succeeded. */
  deployedVersion?: string;
}

type Loose = Record<string, any>;

const isObject = (value: unknown): value is Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trimEnd() : undefined);

function firstCondition(status: Loose | undefined): CarvelCondition | undefined {
  const conditions = status?.conditions;
  if (!Array.isArray(conditions)) return undefined;
  const first = conditions.find(isObject);
  return first ? (first as CarvelCondition) : undefined;
}

function errorMessage(status: Loose | undefined, condition: CarvelCondition | undefined) {
  const useful = text(status?.usefulErrorMessage);
  if (useful) return useful;
  const conditionMessage = text(condition?.message);
  return conditionMessage === SEE_USEFUL_ERROR_MESSAGE ? undefined : conditionMessage;
}

const CONDITION_STATES: Record<string, { status: CarvelStatus; description: string }> = {
  ReconcileSucceeded: { status: 'succeeded', description: 'Reconcile succeeded' },
  ReconcileFailed: { status: 'failed', description: 'Reconcile failed' },
  Reconciling: { status: 'reconciling', description: 'Reconciling' },
  Deleting: { status: 'deleting', description: 'Deleting' },
  DeleteFailed: { status: 'delete-failed', description: 'Delete failed' },
};

/** `Reconcile failed: <first line>` is informative, unless the first line only points elsewhere. */
function failureDescription(friendly: string | undefined): string | undefined {
  if (!friendly || !/^(Reconcile|Delete) failed: /.test(friendly)) return undefined;
  return friendly.endsWith(SEE_USEFUL_ERROR_MESSAGE) ? friendly.split(':')[0] : friendly;
}

/**
 * The one model of a PackageInstall's or App's state, after kapp's wait logic plus kctrl's
 * paused/canceled overlay: deletion first, then an unobserved spec change, then paused/canceled
 * (not conditions in kapp-controller), then the single condition.
 */
export function deriveReconcileState(object: unknown): ReconcileState {
  if (!isObject(object) || !isObject(object.metadata)) {
    return { status: 'unknown', description: 'Not a Kubernetes object', pendingSpecChange: false };
  }
  const metadata = object.metadata;
  const spec: Loose = isObject(object.spec) ? object.spec : {};
  const status: Loose | undefined = isObject(object.status) ? object.status : undefined;
  const condition = firstCondition(status);
  const friendly = text(status?.friendlyDescription);
  const message = errorMessage(status, condition);
  const base = { message, pendingSpecChange: false };

  if (metadata.deletionTimestamp) {
    return condition?.type === 'DeleteFailed'
      ? { ...base, status: 'delete-failed', description: failureDescription(friendly) ?? 'Delete failed' }
      : { ...base, status: 'deleting', description: 'Deleting' };
  }
  if (
    typeof metadata.generation === 'number' &&
    metadata.generation !== status?.observedGeneration
  ) {
    return {
      status: 'reconciling',
      description: 'Waiting for kapp-controller to reconcile the changed spec',
      message: friendly ?? message,
      pendingSpecChange: true,
    };
  }
  if (spec.canceled === true) {
    return { status: 'canceled', description: 'Canceled', message: friendly ?? message, pendingSpecChange: false };
  }
  if (spec.paused === true) {
    return { status: 'paused', description: 'Paused', message: friendly ?? message, pendingSpecChange: false };
  }
  if (!condition) {
    return { ...base, status: 'reconciling', description: friendly ?? 'Waiting for kapp-controller' };
  }
  const known = CONDITION_STATES[String(condition.type)];
  if (!known) {
    return { ...base, status: 'unknown', description: friendly ?? `Unknown condition ${String(condition.type)}` };
  }
  return { ...base, status: known.status, description: failureDescription(friendly) ?? known.description };
}

export function derivePackageInstallState(
  install: PackageInstall | unknown,
  options: { app?: App } = {},
): PackageInstallReconcileState {
  const state = deriveReconcileState(install);
  const status: Loose | undefined = isObject((install as Loose)?.status) ? (install as Loose).status : undefined;
  const version = text(status?.version);
  const lastAttemptedVersion = text(status?.lastAttemptedVersion);
  const appVersion = text(options.app?.metadata?.annotations?.[ANNOTATION_APP_PACKAGE_VERSION]);
  const deployedVersion =
    appVersion ?? (state.status === 'succeeded' ? lastAttemptedVersion ?? version : undefined);
  return { ...state, version, lastAttemptedVersion, deployedVersion };
}

export interface AppReconcileState extends ReconcileState {
  /** When the App last deployed (or fetched, if it never got that far). */
  updatedAt?: string;
}

export function deriveAppState(app: App | unknown): AppReconcileState {
  const state = deriveReconcileState(app);
  const status: Loose | undefined = isObject((app as Loose)?.status) ? (app as Loose).status : undefined;
  const updatedAt = text(status?.deploy?.updatedAt) ?? text(status?.fetch?.updatedAt);
  return { ...state, ...(updatedAt ? { updatedAt } : {}) };
}
