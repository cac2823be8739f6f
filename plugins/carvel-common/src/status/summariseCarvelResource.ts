import type { CarvelStatus } from '../api';
import { SEE_USEFUL_ERROR_MESSAGE } from '../constants';
import { friendlyErrorLine } from './friendlyErrorLine';
import type { CarvelResourceFacts } from './readCarvelResource';

/** The derived state shared by PackageInstalls and Apps. */
export interface CarvelStatusSummary {
  status: CarvelStatus;
  /** One line for a table cell or a chip. */
  description: string;
  /** Details, usually the error text; may span many lines. */
  message?: string;
  /** The spec changed and kapp-controller has not reconciled it yet: conditions describe the old spec. */
  pendingSpecChange: boolean;
  /** An error from an earlier reconcile that kapp-controller left in usefulErrorMessage: not the current state. */
  previousError?: string;
  /** While paused or canceled: what the last condition, kept by kapp-controller, says. */
  lastConditionStatus?: CarvelStatus;
}

const CONDITION_STATUS: Record<string, CarvelStatus> = {
  Reconciling: 'reconciling',
  ReconcileSucceeded: 'succeeded',
  ReconcileFailed: 'failed',
  Deleting: 'deleting',
  DeleteFailed: 'delete-failed',
};

const DEFAULT_DESCRIPTION: Record<CarvelStatus, string> = {
  reconciling: 'Reconciling',
  succeeded: 'Reconcile succeeded',
  failed: 'Reconcile failed',
  deleting: 'Deleting',
  'delete-failed': 'Delete failed',
  paused: 'Paused: changes are not rolled out until spec.paused is removed',
  canceled:
    'Canceled: kapp-controller stopped reconciling until spec.canceled is removed',
  unknown: 'Unknown state',
};

/** The text to show as the error: usefulErrorMessage when set, else the condition's message. */
function errorText(facts: CarvelResourceFacts): string | undefined {
  return facts.usefulErrorMessage ?? facts.condition?.message;
}

const FAILED_CONDITIONS = new Set(['ReconcileFailed', 'DeleteFailed']);

const conditionFailed = (facts: CarvelResourceFacts) =>
  FAILED_CONDITIONS.has(facts.condition?.type ?? '');

/**
 * kapp-controller clears usefulErrorMessage only on success (and a PackageInstall's SetReconciling),
 * so under any other condition it is an earlier reconcile's error.
 */
function previousError(facts: CarvelResourceFacts): { previousError?: string } {
  if (conditionFailed(facts) || !facts.usefulErrorMessage) return {};
  return { previousError: facts.usefulErrorMessage };
}

function statusOfCondition(
  facts: CarvelResourceFacts,
): CarvelStatus | undefined {
  const type = facts.condition?.type;
  return type !== undefined && Object.hasOwn(CONDITION_STATUS, type)
    ? CONDITION_STATUS[type]
    : undefined;
}

function conditionDescription(
  facts: CarvelResourceFacts,
  status: CarvelStatus,
): string {
  const friendly = facts.friendlyDescription;
  if (!friendly) return DEFAULT_DESCRIPTION[status];
  // "Reconcile failed: Error (see .status.usefulErrorMessage for details)" says nothing in a UI.
  if (
    conditionFailed(facts) &&
    facts.usefulErrorMessage &&
    friendly.includes(SEE_USEFUL_ERROR_MESSAGE)
  ) {
    return friendly.replace(
      SEE_USEFUL_ERROR_MESSAGE,
      friendlyErrorLine(facts.usefulErrorMessage),
    );
  }
  // An App's friendlyDescription is the whole error (pkg/app/app_reconcile.go:289), lines and all.
  return friendly.includes('\n') ? friendlyErrorLine(friendly) : friendly;
}

function lastConditionSummary(facts: CarvelResourceFacts): string | undefined {
  const error = errorText(facts);
  switch (facts.condition?.type) {
    case 'ReconcileSucceeded':
      return 'Last reconcile succeeded';
    case 'ReconcileFailed':
      return error
        ? `Last reconcile failed: ${error}`
        : 'Last reconcile failed';
    case 'Reconciling':
      return 'Was reconciling';
    case 'Deleting':
      return 'Was deleting';
    default:
      return conditionFailed(facts) ? error : facts.condition?.message;
  }
}

function summariseDeletion(facts: CarvelResourceFacts): CarvelStatusSummary {
  const status =
    facts.condition?.type === 'DeleteFailed' ? 'delete-failed' : 'deleting';
  const conditionIsAboutDeletion =
    facts.condition?.type === 'Deleting' || status === 'delete-failed';
  // Until kapp-controller picks the deletion up, a failure is the last reconcile's, not the deletion's.
  const failure = status === 'delete-failed' ? errorText(facts) : undefined;
  const earlierFailure =
    !conditionIsAboutDeletion && conditionFailed(facts)
      ? { previousError: errorText(facts) }
      : previousError(facts);
  return {
    status,
    description: conditionIsAboutDeletion
      ? conditionDescription(facts, status)
      : 'Deletion requested: waiting for kapp-controller',
    message: failure,
    pendingSpecChange: false,
    ...earlierFailure,
  };
}

function summarisePendingGeneration(
  facts: CarvelResourceFacts,
): CarvelStatusSummary {
  const notObservedYet =
    facts.observedGeneration === undefined && !facts.condition;
  const description = notObservedYet
    ? `Waiting for kapp-controller to pick up the new ${facts.kind}`
    : `Waiting for kapp-controller to reconcile the changed spec (generation ${
        facts.generation
      }, last reconciled ${facts.observedGeneration ?? 'none'})`;
  // The condition still describes the old spec; say so rather than present it as current.
  return {
    status: 'reconciling',
    description,
    message: lastConditionSummary(facts),
    pendingSpecChange: true,
    ...previousError(facts),
  };
}

function summariseCondition(facts: CarvelResourceFacts): CarvelStatusSummary {
  const { condition } = facts;
  if (!condition) {
    return {
      status: 'reconciling',
      description: 'Waiting for the first reconcile',
      pendingSpecChange: false,
      ...previousError(facts),
    };
  }
  const status = statusOfCondition(facts);
  if (!status) {
    return {
      status: 'unknown',
      description: `Unrecognised condition type "${condition.type}"`,
      message: errorText(facts),
      pendingSpecChange: false,
    };
  }
  return {
    status,
    description: conditionDescription(facts, status),
    message: conditionFailed(facts) ? errorText(facts) : condition.message,
    pendingSpecChange: false,
    ...previousError(facts),
  };
}

/**
 * The reader algorithm for kapp-controller resources: deletion first (the API server bumps
 * generation when deletion starts), then an unobserved generation, then paused/canceled (not
 * conditions in kapp-controller), then the single condition.
 */
export function summariseCarvelResource(
  facts: CarvelResourceFacts,
): CarvelStatusSummary {
  if (facts.deletionRequested) return summariseDeletion(facts);
  if (
    facts.generation !== undefined &&
    facts.generation !== facts.observedGeneration
  ) {
    return summarisePendingGeneration(facts);
  }
  if (facts.canceled || facts.paused) {
    const status = facts.canceled ? 'canceled' : 'paused';
    const lastConditionStatus = statusOfCondition(facts);
    return {
      status,
      description: DEFAULT_DESCRIPTION[status],
      message: lastConditionSummary(facts),
      pendingSpecChange: false,
      ...(lastConditionStatus ? { lastConditionStatus } : {}),
      ...previousError(facts),
    };
  }
  return summariseCondition(facts);
}
