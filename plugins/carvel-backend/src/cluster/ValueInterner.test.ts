import { ValueInterner } from './ValueInterner';

describe('ValueInterner', () => {
  it('returns one frozen instance per distinct value', () => {
    const interner = new ValueInterner();
    const a = interner.object({ conditions: [{ type: 'ReconcileSucceeded' }] });
    const b = interner.object({ conditions: [{ type: 'ReconcileSucceeded' }] });
    expect(a).toBe(b);
    expect(Object.isFrozen(a.conditions[0])).toBe(true);
    expect(interner.object({ conditions: [] })).not.toBe(a);
    expect(interner.string('apps')).toBe('apps');
    expect(interner.string(undefined)).toBeUndefined();
  });

  it('forgets a value once every holder released it', () => {
    const interner = new ValueInterner();
    const first = interner.object({ version: '1.0.0' });
    interner.object({ version: '1.0.0' });
    interner.string('apps');
    expect(interner.size).toBe(2);
    interner.release(first);
    expect(interner.size).toBe(2);
    interner.release(first);
    interner.release('apps');
    expect(interner.size).toBe(0);
    const again = interner.object({ version: '1.0.0' });
    expect(again).not.toBe(first);
    interner.release(first);
    expect(interner.size).toBe(1);
  });

  it('stays bounded while values keep changing and their holders go away', () => {
    const interner = new ValueInterner();
    let held = interner.object({ observedGeneration: 0 });
    for (let generation = 1; generation <= 10_000; generation++) {
      const next = interner.object({ observedGeneration: generation });
      interner.release(held);
      held = next;
    }
    expect(interner.size).toBe(1);
  });

  it('ignores values it never handed out', () => {
    const interner = new ValueInterner();
    const shared = interner.object({ a: 1 });
    interner.release({ a: 1 });
    expect(interner.object({ a: 1 })).toBe(shared);
  });

  it('stops sharing, but keeps working, past its cap', () => {
    const interner = new ValueInterner(2);
    interner.object({ a: 1 });
    interner.object({ a: 2 });
    const third = { a: 3 };
    expect(interner.object(third)).toBe(third);
    expect(interner.object({ a: 3 })).not.toBe(third);
    expect(interner.size).toBe(2);
  });
});
