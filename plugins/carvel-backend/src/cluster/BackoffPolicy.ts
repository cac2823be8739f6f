export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  /** Returns a number in [0, 1); Math.random by default. */
  random?: () => number;
}

/** Exponential backoff with full jitter: delay = random(0, min(maxMs, initialMs * 2^failures)). */
export class BackoffPolicy {
  private failures = 0;

  constructor(private readonly options: BackoffOptions) {}

  nextDelayMs(): number {
    const { initialMs, maxMs, random = Math.random } = this.options;
    const ceiling = Math.min(
      maxMs,
      initialMs * 2 ** Math.min(this.failures, 30),
    );
    this.failures++;
    return Math.floor(random() * ceiling);
  }

  /** Consecutive delays handed out since the last reset. */
  get attempts(): number {
    return this.failures;
  }

  reset(): void {
    this.failures = 0;
  }
}
