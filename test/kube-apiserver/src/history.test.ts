import { RevisionHistory } from './history';

const item = (revision: number) => ({ revision });

describe('RevisionHistory', () => {
  it('returns the items after a revision', () => {
    const history = new RevisionHistory(10);
    [3, 5, 8].forEach(r => history.push(item(r)));
    expect(history.after(0)).toEqual([item(3), item(5), item(8)]);
    expect(history.after(4)).toEqual([item(5), item(8)]);
    expect(history.after(5)).toEqual([item(8)]);
    expect(history.after(8)).toEqual([]);
    expect(history.after(100)).toEqual([]);
  });

  it('evicts the oldest item when full and reports older revisions as gone', () => {
    const history = new RevisionHistory(3);
    [1, 2, 3, 4, 5].forEach(r => history.push(item(r)));
    expect(history.size).toBe(3);
    expect(history.compactedRevision).toBe(2);
    expect(history.after(1)).toBeUndefined();
    expect(history.after(2)).toEqual([item(3), item(4), item(5)]);
    expect(history.after(4)).toEqual([item(5)]);
  });

  it('keeps working after wrapping around many times', () => {
    const history = new RevisionHistory(4);
    for (let r = 1; r <= 1003; r++) history.push(item(r));
    expect(history.after(999)).toEqual([
      item(1000),
      item(1001),
      item(1002),
      item(1003),
    ]);
    expect(history.after(998)).toBeUndefined();
  });

  it('compacts up to a revision', () => {
    const history = new RevisionHistory(10, 0);
    [1, 2, 3].forEach(r => history.push(item(r)));
    history.compact(7);
    expect(history.size).toBe(0);
    expect(history.compactedRevision).toBe(7);
    expect(history.after(6)).toBeUndefined();
    expect(history.after(7)).toEqual([]);
  });

  it('starts with the given compacted revision', () => {
    expect(new RevisionHistory(2, 5).after(4)).toBeUndefined();
    expect(() => new RevisionHistory(0)).toThrow();
  });
});
