import { formatBytes } from './WatchSettings';

export class LineTooLongError extends Error {
  constructor(what: string, readonly maxBytes: number) {
    super(`${what} line exceeded ${formatBytes(maxBytes)}`);
    this.name = 'LineTooLongError';
  }
}

const NEWLINE = 0x0a;

/**
 * Splits a byte stream into lines, holding at most `maxBytes` of an unfinished line:
 * a line that grows past it throws instead of buffering without end.
 */
export async function* readLines(
  source: AsyncIterable<Buffer | string>,
  maxBytes: number,
  what = 'stream',
): AsyncGenerator<string> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const received of source) {
    let chunk = typeof received === 'string' ? Buffer.from(received) : received;
    for (;;) {
      const newline = chunk.indexOf(NEWLINE);
      const head = newline === -1 ? chunk : chunk.subarray(0, newline);
      if (pendingBytes + head.length > maxBytes) {
        throw new LineTooLongError(what, maxBytes);
      }
      if (newline === -1) {
        if (head.length > 0) {
          pending.push(head);
          pendingBytes += head.length;
        }
        break;
      }
      // Splitting at 0x0a is safe for UTF-8: it never occurs inside a multi-byte character.
      const line =
        pending.length === 0
          ? head.toString('utf8')
          : Buffer.concat([...pending, head]).toString('utf8');
      pending = [];
      pendingBytes = 0;
      chunk = chunk.subarray(newline + 1);
      yield line;
    }
  }
  if (pendingBytes > 0) yield Buffer.concat(pending).toString('utf8');
}
