import { act, renderHook } from '@testing-library/react';
import { useNow } from './useNow';

describe('useNow', () => {
  beforeEach(() =>
    jest.useFakeTimers({ now: Date.parse('2024-05-01T10:00:00Z') }),
  );
  afterEach(() => jest.useRealTimers());

  it('renews the time every interval', () => {
    const { result } = renderHook(() => useNow(60_000));
    const first = result.current;
    act(() => {
      jest.advanceTimersByTime(60_000);
    });
    expect(result.current - first).toBe(60_000);
  });
});
