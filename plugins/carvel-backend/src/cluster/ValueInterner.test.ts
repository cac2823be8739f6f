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
