import { ListGate } from './ListGate';

describe('ListGate', () => {
  it('runs at most `slots` tasks at once, in arrival order, and frees slots on failure', async () => {
    const gate = new ListGate(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const releases: Array<() => void> = [];
    const task = (i: number, fail = false) =>
      gate.run(async () => {
        running++;
        most = Math.max(most, running);
        order.push(i);
        await new Promise<void>(resolve => releases.push(resolve));
        running--;
        if (fail) throw new Error('boom');
        return i;
      });
    const results = [task(1, true), task(2), task(3), task(4)].map(p =>
      p.catch(e => e.message),
    );
    await Promise.resolve();
    expect(order).toEqual([1, 2]);
    while (releases.length > 0 || order.length < 4) {
      releases.shift()?.();
      await new Promise(r => setTimeout(r, 0));
    }
    releases.forEach(r => r());
    expect(await Promise.all(results)).toEqual(['boom', 2, 3, 4]);
    expect(order).toEqual([1, 2, 3, 4]);
    expect(most).toBe(2);
  });

  it('lets a task queued first go ahead of the others waiting, in their own arrival order', async () => {
    const gate = new ListGate(1);
    const order: string[] = [];
    let release!: () => void;
    const holder = gate.run(
      () => new Promise<void>(resolve => (release = resolve)),
    );
    const queued = [
      gate.run(async () => order.push('a')),
      gate.run(async () => order.push('b')),
      gate.run(async () => order.push('first-1'), true),
      gate.run(async () => order.push('first-2'), true),
    ];
    release();
    await holder;
    await Promise.all(queued);
    expect(order).toEqual(['first-1', 'first-2', 'a', 'b']);
  });
});
