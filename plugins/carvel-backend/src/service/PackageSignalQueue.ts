import type { LoggerService } from '@backstage/backend-plugin-api';
import type { SignalsService } from '@backstage/plugin-signals-node';
import {
  carvelPackageChannel,
  type CarvelPackageSignal,
} from '@carvel-gitops/plugin-carvel-common';

export interface PackageSignalQueueOptions {
  signals: SignalsService;
  logger: LoggerService;
  /** Signals being published at once; default 4. */
  maxInFlight?: number;
  /** At most one warning about failed publishes per this many milliseconds; default 60 s. */
  warnEveryMs?: number;
  nowMs?: () => number;
}

/**
 * Publishes package signals a few at a time. A package changing again while its signal waits for a
 * turn joins that signal (its clusters merged), so a burst such as the first sync of many clusters
 * becomes as many signals as the publisher can send, never one per change.
 */
export class PackageSignalQueue {
  private readonly waiting = new Map<string, Set<string>>();
  private inFlight = 0;
  private failedSinceWarning = 0;
  private lastWarningAt = -Infinity;

  constructor(private readonly options: PackageSignalQueueOptions) {}

  add(packageName: string, clusters: Iterable<string>): void {
    const waiting = this.waiting.get(packageName) ?? new Set<string>();
    for (const cluster of clusters) waiting.add(cluster);
    this.waiting.set(packageName, waiting);
    this.drain();
  }

  private drain() {
    const maxInFlight = this.options.maxInFlight ?? 4;
    while (this.inFlight < maxInFlight && this.waiting.size > 0) {
      const [packageName, clusters] = this.waiting.entries().next().value!;
      this.waiting.delete(packageName);
      this.inFlight++;
      const message: CarvelPackageSignal = {
        packageName,
        clusters: [...clusters].sort(),
      };
      this.options.signals
        .publish({
          recipients: { type: 'broadcast' },
          channel: carvelPackageChannel(packageName),
          message,
        })
        .catch(error => this.warn(error))
        .finally(() => {
          this.inFlight--;
          this.drain();
        });
    }
  }

  private warn(error: Error) {
    this.failedSinceWarning++;
    const now = (this.options.nowMs ?? Date.now)();
    if (now - this.lastWarningAt < (this.options.warnEveryMs ?? 60_000)) {
      return;
    }
    const count = this.failedSinceWarning;
    this.failedSinceWarning = 0;
    this.lastWarningAt = now;
    this.options.logger.warn(
      `Could not publish a Carvel status signal: ${error.message}${
        count > 1 ? ` (${count} signals failed since the last warning)` : ''
      }`,
    );
  }
}
