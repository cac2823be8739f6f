import type { Clock } from './Clock';
import { ClusterRequestTimeoutError } from './classifyClusterError';

/**
 * Runs `task` with a signal that aborts when `parent` does or after `timeoutMs`, and settles
 * with the abort reason at that moment even if the task ignores its signal.
 */
export async function withDeadline<T>(
  clock: Clock,
  timeoutMs: number,
  timeoutError: () => Error,
  parent: AbortSignal,
  task: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const onParentAbort = () => controller.abort(parent.reason);
  parent.addEventListener('abort', onParentAbort, { once: true });
  const timer = clock.setTimeout(
    () => controller.abort(timeoutError()),
    timeoutMs,
  );
  try {
    if (parent.aborted) onParentAbort();
    return await untilAborted(task(controller.signal), controller.signal);
  } finally {
    clock.clearTimeout(timer);
    parent.removeEventListener('abort', onParentAbort);
  }
}

export const requestTimeout = (timeoutMs: number, what: string) => () =>
  new ClusterRequestTimeoutError(
    timeoutMs,
    `${what}: no answer from the cluster within ${timeoutMs / 1000} s`,
  );

/** Settles like `promise`, or rejects with the abort reason as soon as `signal` aborts. */
export function untilAborted<T>(
  promise: Promise<T>,
  signal: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}
