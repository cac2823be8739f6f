import { act, renderHook, waitFor } from '@testing-library/react';
import { useCarvelLoad } from './useCarvelLoad';

function deferredLoads() {
  const pending = new Map<string, (value: string) => void>();
  const load = jest.fn(
    (key: string) => new Promise<string>(resolve => pending.set(key, resolve)),
  );
  return { load, pending };
}

describe('useCarvelLoad', () => {
  it('loads once per key and drops an answer for a key no longer asked', async () => {
    const { load, pending } = deferredLoads();
    const { result, rerender } = renderHook(
      ({ key }: { key?: string }) => useCarvelLoad(key, load),
      { initialProps: { key: 'app.default.tap' } as { key?: string } },
    );
    expect(result.current).toEqual({ loading: true });

    rerender({ key: 'catalog.default.tap' });
    await act(async () => pending.get('app.default.tap')!('old answer'));
    expect(result.current).toEqual({ loading: true });

    await act(async () => pending.get('catalog.default.tap')!('new answer'));
    await waitFor(() =>
      expect(result.current).toMatchObject({
        value: 'new answer',
        loading: false,
      }),
    );
    rerender({ key: 'catalog.default.tap' });
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('loads nothing without a key, and keeps a failure as data', async () => {
    const load = jest.fn().mockRejectedValue(new Error('Service Unavailable'));
    const { result, rerender } = renderHook(
      ({ key }: { key?: string }) => useCarvelLoad(key, load),
      { initialProps: {} as { key?: string } },
    );
    expect(result.current).toEqual({ loading: false });
    expect(load).not.toHaveBeenCalled();

    rerender({ key: 'x' });
    await waitFor(() =>
      expect(result.current.error?.message).toBe('Service Unavailable'),
    );
  });
});
