import { LineTooLongError, readLines } from './readLines';

async function* chunks(...parts: Array<string | Buffer>) {
  for (const part of parts) yield Buffer.from(part);
}

async function collect(source: AsyncIterable<string>) {
  const lines: string[] = [];
  for await (const line of source) lines.push(line);
  return lines;
}

describe('readLines', () => {
  it('splits lines across and within chunks', async () => {
    expect(
      await collect(
        readLines(chunks('{"a":', '1}\n{"b"', ':2}\n\n{"c":3}'), 100),
      ),
    ).toEqual(['{"a":1}', '{"b":2}', '', '{"c":3}']);
  });

  it('keeps multi-byte characters split across chunks intact', async () => {
    const bytes = Buffer.from('"grüße"\n');
    expect(
      await collect(
        readLines(chunks(bytes.subarray(0, 4), bytes.subarray(4)), 100),
      ),
    ).toEqual(['"grüße"']);
  });

  it('accepts a line of exactly the limit', async () => {
    expect(await collect(readLines(chunks('x'.repeat(10), '\n'), 10))).toEqual([
      'x'.repeat(10),
    ]);
  });

  it('throws as soon as an unfinished line passes the limit', async () => {
    let produced = 0;
    async function* endless() {
      for (;;) {
        produced++;
        yield Buffer.alloc(1024, 0x61);
      }
    }
    await expect(
      collect(readLines(endless(), 16 * 1024, 'watch stream')),
    ).rejects.toThrow(new LineTooLongError('watch stream', 16 * 1024));
    expect(produced).toBe(17);
  });

  it('throws for an over-long line that ends within one chunk', async () => {
    await expect(
      collect(readLines(chunks('short\n', `${'y'.repeat(20)}\nnext\n`), 10)),
    ).rejects.toThrow('stream line exceeded 10 bytes');
  });
});
