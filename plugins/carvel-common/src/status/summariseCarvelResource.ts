import type { CarvelStatus } from '../api';
import { SEE_USEFUL_ERROR_MESSAGE } from '../constants';
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
}

const FRIENDLY_LINE_LENGTH = 80;

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

// Like kapp-controller's own friendlyDescription: first line, cut at 80 characters.
function firstLine(text: string): string {
  const [first, ...rest] = text.split('\n');
  if (first.length > FRIENDLY_LINE_LENGTH)
    return `${first.slice(0, FRIENDLY_LINE_LENGTH)}...`;
  return rest.length > 0 ? `${first}...` : first;
}

function conditionDescription(
  facts: CarvelResourceFacts,
  status: CarvelStatus,
): string {
  const friendly = facts.friendlyDescription;
  if (!friendly) return DEFAULT_DESCRIPTION[status];
  // "Reconcile failed: Error (see .status.usefulErrorMessage for details)" says nothing in a UI.
  if (facts.usefulErrorMessage && friendly.includes(SEE_USEFUL_ERROR_MESSAGE)) {
    return friendly.replace(
      SEE_USEFUL_ERROR_MESSAGE,
      firstLine(facts.usefulErrorMessage),
    );
  }
  return friendly;
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
    default:
      return error;
  }
}

function summariseDeletion(facts: CarvelResourceFacts): CarvelStatusSummary {
  const status =
    facts.condition?.type === 'DeleteFailed' ? 'delete-failed' : 'deleting';
  const conditionIsAboutDeletion =
    facts.condition?.type === 'Deleting' || status === 'delete-failed';
  return {
    status,
    description: conditionIsAboutDeletion
      ? conditionDescription(facts, status)
      : 'Deletion requested: waiting for kapp-controller',
    message: errorText(facts),
    pendingSpecChange: false,
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
  };
}

function summariseCondition(facts: CarvelResourceFacts): CarvelStatusSummary {
  const { condition } = facts;
  if (!condition) {
    return {
      status: 'reconciling',
      description: 'Waiting for the first reconcile',
      pendingSpecChange: false,
    };
  }
  const status = Object.hasOwn(CONDITION_STATUS, condition.type)
    ? CONDITION_STATUS[condition.type]
    : undefined;
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
    message: errorText(facts),
    pendingSpecChange: false,
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
    return {
      status,
      description: DEFAULT_DESCRIPTION[status],
      message: lastConditionSummary(facts),
      pendingSpecChange: false,
    };
  }
  return summariseCondition(facts);
}
