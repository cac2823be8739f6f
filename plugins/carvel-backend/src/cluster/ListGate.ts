/**
 * Bounds how many list pages all clusters read and parse at once: a fleet starting up would otherwise
 * hold every cluster's pages in memory together. A slot is held for at most one request deadline.
 */
export class ListGate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  /** How many of `waiting`, at its front, were queued `first`. */
  private urgent = 0;

  constructor(readonly slots: number) {}

  /** `first`: ahead of the tasks waiting without it (the next page of a list already under way). */
  async run<T>(task: () => Promise<T>, first = false): Promise<T> {
    if (this.active >= this.slots) {
      await new Promise<void>(resolve => {
        if (first) this.waiting.splice(this.urgent++, 0, resolve);
        else this.waiting.push(resolve);
      });
    } else {
      this.active++;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (this.urgent > 0) this.urgent--;
      if (next) next();
      else this.active--;
    }
  }
}
