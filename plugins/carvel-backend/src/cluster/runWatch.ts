import type { Clock } from './Clock';
import { ClusterRequestTimeoutError } from './classifyClusterError';
import { jsonDepth } from './jsonDepth';
import { KubeHttpError } from './kubeRequest';
import { readLines } from './readLines';
import { describeRaw } from './ResourceLister';
import { untilAborted } from './withDeadline';

export interface RunWatchOptions {
  plural: string;
  openWatch(
    resourceVersion: string | undefined,
    signal: AbortSignal,
  ): Promise<AsyncIterable<Buffer>>;
  resourceVersion?: string;
  clock: Clock;
  /** Deadline for the response headers. */
  headerTimeoutMs: number;
  /** The watch is given up (as if closed) after this long: a half-open connection never ends by itself. */
  maxDurationMs: number;
  maxLineBytes: number;
  maxObjectDepth: number;
  /** Aborts the watch (the watcher stopped). */
  signal: AbortSignal;
  /** The response headers arrived: the cluster accepted the watch. */
  onOpen(): void;
  onEvent(type: string, object: unknown): void;
  onSkipped(reason: string): void;
}

/** How a watch ended without an error: closed (reopen from the last resourceVersion) or expired (relist). */
export type WatchEnd = 'closed' | 'expired';

/** Thrown once the response headers arrived: the stream broke, not the request. */
export class WatchStreamError extends Error {
  constructor(readonly cause: unknown) {
    super((cause as Error)?.message ?? String(cause));
    this.name = 'WatchStreamError';
  }
}

const GIVE_UP = new Error('watch outlived its maximum duration');

/**
 * One watch request: waits at most `headerTimeoutMs` for the cluster to answer, then reads
 * events line by line with a bounded line length until the stream ends, fails, or is stopped.
 */
export async function runWatch(options: RunWatchOptions): Promise<WatchEnd> {
  const { plural, clock } = options;
  const controller = new AbortController();
  const onStop = () => controller.abort(options.signal.reason);
  options.signal.addEventListener('abort', onStop, { once: true });
  const headerTimer = clock.setTimeout(
    () =>
      controller.abort(
        new ClusterRequestTimeoutError(
          options.headerTimeoutMs,
          `watch of ${plural}: no response from the cluster within ${
            options.headerTimeoutMs / 1000
          } s`,
        ),
      ),
    options.headerTimeoutMs,
  );
  let giveUpTimer: unknown;
  try {
    if (options.signal.aborted) onStop();
    // The request keeps this signal for its whole life: aborting it later closes the stream.
    const stream = await untilAborted(
      options.openWatch(options.resourceVersion, controller.signal),
      controller.signal,
    );
    clock.clearTimeout(headerTimer);
    options.onOpen();
    giveUpTimer = clock.setTimeout(
      () => controller.abort(GIVE_UP),
      options.maxDurationMs,
    );
    try {
      for await (const line of readLines(
        stream,
        options.maxLineBytes,
        'watch stream',
      )) {
        controller.signal.throwIfAborted();
        const end = handleLine(line, options);
        if (end) return end;
      }
      controller.signal.throwIfAborted();
    } catch (error) {
      if (controller.signal.reason === GIVE_UP) return 'closed';
      if (options.signal.aborted) throw options.signal.reason;
      throw new WatchStreamError(error);
    }
    return 'closed';
  } finally {
    clock.clearTimeout(headerTimer);
    clock.clearTimeout(giveUpTimer);
    options.signal.removeEventListener('abort', onStop);
    // Releases the connection however the watch ended.
    controller.abort(GIVE_UP);
  }
}

function handleLine(line: string, options: RunWatchOptions): WatchEnd | void {
  if (line.trim() === '') return undefined;
  // The object sits at depth 2 of an event: {"type":…,"object":{…}}.
  if (jsonDepth(line) > options.maxObjectDepth + 1) {
    options.onSkipped(
      `a watch event of ${options.plural} nested deeper than ${options.maxObjectDepth} levels`,
    );
    return undefined;
  }
  let event: any;
  try {
    event = JSON.parse(line);
  } catch {
    options.onSkipped(`a watch event of ${options.plural} that is not JSON`);
    return undefined;
  }
  const type = event?.type;
  if (type === 'ERROR') {
    const code = event.object?.code;
    if (code === 410) return 'expired';
    throw new KubeHttpError(typeof code === 'number' ? code : 0, event.object);
  }
  if (typeof type !== 'string') {
    options.onSkipped(`a watch event of ${options.plural} without a type`);
    return undefined;
  }
  try {
    options.onEvent(type, event.object);
  } catch (error) {
    options.onSkipped(
      `${options.plural} ${describeRaw(event.object)}: ${
        (error as Error).message
      }`,
    );
  }
  return undefined;
}
