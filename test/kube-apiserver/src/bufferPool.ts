/** Fixed-size buffers handed out again once returned, so bytes in flight to a socket are not garbage for each response. */
export class BufferPool {
  private readonly free: Buffer[] = [];

  constructor(readonly bufferBytes: number, private readonly maxFree: number) {}

  get freeCount(): number {
    return this.free.length;
  }

  take(): Buffer {
    return this.free.pop() ?? Buffer.allocUnsafeSlow(this.bufferBytes);
  }

  /** Buffers beyond `maxFree` are left to the garbage collector. */
  give(buffers: readonly Buffer[]): void {
    for (const buffer of buffers) {
      if (this.free.length >= this.maxFree) return;
      if (buffer.length === this.bufferBytes) this.free.push(buffer);
    }
  }
}
