/** A log line without its timestamp, colours and numbers (cluster-7, 30 s), so that repeats compare equal. */
function messageOf(line: string): string {
  return (
    line
      // eslint-disable-next-line no-control-regex
      .replace(/\x1b\[[0-9;]*m/g, '')
      .replace(/^\d{4}-\d\d-\d\dT[\d:.]+Z\s+/, '')
      .replace(/\d+/g, '#')
      .trim()
  );
}

/** Lets the first line of each message through and counts the repeats, so a flood stays readable. */
export class RepeatedLines {
  private readonly counts = new Map<string, number>();

  /** The line to print, or undefined when its message was printed before. */
  accept(line: string): string | undefined {
    const message = messageOf(line);
    const count = this.counts.get(message) ?? 0;
    this.counts.set(message, count + 1);
    return count === 0 ? line : undefined;
  }

  /** The messages seen more than once, with how many times they were not printed. */
  repeats(): Array<{ message: string; omitted: number }> {
    return [...this.counts]
      .filter(([, count]) => count > 1)
      .map(([message, count]) => ({ message, omitted: count - 1 }));
  }
}
