import type {
  CarvelCondition,
  GenericStatus,
} from '@carvel-gitops/plugin-carvel-common';

export { SEE_USEFUL_ERROR_MESSAGE } from '@carvel-gitops/plugin-carvel-common';

const FRIENDLY_CUT_BYTES = 80;

function isContinuationByte(byte: number): boolean {
  return (byte & 0xc0) === 0x80;
}

function utf8Length(leadByte: number): number {
  if (leadByte >= 0xf0) return 4;
  if (leadByte >= 0xe0) return 3;
  if (leadByte >= 0xc0) return 2;
  return 1;
}

/** Go's `s[:n]` on a string, as it reaches the API: encoding/json writes one U+FFFD per byte of a cut character. */
export function cutBytesAsGo(text: string, limit: number): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= limit) return text;
  let lead = limit;
  while (lead > 0 && isContinuationByte(bytes[lead])) lead--;
  const kept = lead + utf8Length(bytes[lead]) <= limit ? limit : lead;
  return (
    bytes.subarray(0, kept).toString('utf8') + '\ufffd'.repeat(limit - kept)
  );
}

/** friendlyErrMsg, status.go:136-144: the first line, cut at 80 bytes, "..." when anything was left out. */
export function friendlyErrorMessage(text: string): string {
  const [first, ...rest] = text.split('\n');
  if (Buffer.byteLength(first, 'utf8') > FRIENDLY_CUT_BYTES) {
    return `${cutBytesAsGo(first, FRIENDLY_CUT_BYTES)}...`;
  }
  return rest.length > 0 ? `${first}...` : first;
}

function withoutUsefulErrorMessage<T extends GenericStatus>(status: T): T {
  const { usefulErrorMessage: _cleared, ...rest } = status;
  return rest as T;
}

function withCondition<T extends GenericStatus>(
  status: T,
  condition: CarvelCondition,
  friendlyDescription: string,
): T {
  return { ...status, conditions: [condition], friendlyDescription };
}

/** kapp-controller's SetReconciling (pkg/reconciler/status.go at e4b4822):67-80: observes the generation and clears usefulErrorMessage. */
export function setReconciling<T extends GenericStatus>(
  status: T,
  generation: number | undefined,
): T {
  return withCondition(
    withoutUsefulErrorMessage({ ...status, observedGeneration: generation }),
    { type: 'Reconciling', status: 'True' },
    'Reconciling',
  );
}

/** SetDeleting, status.go:82-94: observes the generation and keeps the old usefulErrorMessage. */
export function setDeleting<T extends GenericStatus>(
  status: T,
  generation: number | undefined,
): T {
  return withCondition(
    { ...status, observedGeneration: generation },
    { type: 'Deleting', status: 'True' },
    'Deleting',
  );
}

/** SetReconcileCompleted, status.go:96-117: an error becomes ReconcileFailed; success clears usefulErrorMessage. */
export function setReconcileCompleted<T extends GenericStatus>(
  status: T,
  error?: string,
): T {
  if (error === undefined) {
    return withCondition(
      withoutUsefulErrorMessage(status),
      { type: 'ReconcileSucceeded', status: 'True' },
      'Reconcile succeeded',
    );
  }
  return withCondition(
    status,
    { type: 'ReconcileFailed', status: 'True', message: error },
    friendlyErrorMessage(`Reconcile failed: ${error}`),
  );
}

/** SetDeleteCompleted with an error, status.go:119-134 (success needs no status: the object goes). */
export function setDeleteFailed<T extends GenericStatus>(
  status: T,
  error: string,
): T {
  return withCondition(
    status,
    { type: 'DeleteFailed', status: 'True', message: error },
    friendlyErrorMessage(`Delete failed: ${error}`),
  );
}

/** SetUsefulErrorMessage, status.go:154-156 (Go's omitempty drops an empty one). */
export function setUsefulErrorMessage<T extends GenericStatus>(
  status: T,
  message: string | undefined,
): T {
  return message
    ? { ...status, usefulErrorMessage: message }
    : withoutUsefulErrorMessage(status);
}

export function hasCondition(
  status: GenericStatus | undefined,
  type: string,
): boolean {
  return (status?.conditions ?? []).some(c => c.type === type);
}
