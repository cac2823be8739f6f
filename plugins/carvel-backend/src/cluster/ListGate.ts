/**
 * Bounds how many list pages all clusters read and parse at once: a fleet starting up would otherwise
 * hold every cluster's pages in memory together. A slot is held for at most one request deadline.
 */
export class ListGate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly slots: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.slots) {
      await new Promise<void>(resolve => this.waiting.push(resolve));
    } else {
      this.active++;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}
