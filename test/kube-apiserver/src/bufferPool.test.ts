import { BufferPool } from './bufferPool';

describe('BufferPool', () => {
  it('hands out returned buffers again', () => {
    const pool = new BufferPool(16, 4);
    const first = pool.take();
    expect(first.length).toBe(16);
    pool.give([first]);
    expect(pool.freeCount).toBe(1);
    expect(pool.take()).toBe(first);
    expect(pool.take()).not.toBe(first);
  });

  it('keeps at most maxFree buffers and only its own size', () => {
    const pool = new BufferPool(16, 2);
    pool.give([pool.take(), pool.take(), pool.take(), Buffer.alloc(8)]);
    expect(pool.freeCount).toBe(2);
    const other = new BufferPool(16, 2);
    other.give([Buffer.alloc(8)]);
    expect(other.freeCount).toBe(0);
  });
});
