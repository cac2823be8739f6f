import { PropsWithChildren } from 'react';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { TestApiProvider } from '@backstage/test-utils';
import { renderHook } from '@testing-library/react';
import { createFakeSignalApi } from '../__testUtils__/fakeSignalApi';
import { useCarvelLiveUpdates } from './useCarvelLiveUpdates';

describe('useCarvelLiveUpdates', () => {
  it('subscribes to one channel per package and unsubscribes on unmount', () => {
    const signals = createFakeSignalApi();
    const onChange = jest.fn();
    const wrapper = ({ children }: PropsWithChildren<{}>) => (
      <TestApiProvider apis={[[signalApiRef, signals.signalApi]]}>
        {children}
      </TestApiProvider>
    );

    const { result, unmount } = renderHook(
      () =>
        useCarvelLiveUpdates({
          packageNames: ['app.default.tap', 'db.default.tap'],
          onChange,
        }),
      { wrapper },
    );

    expect(result.current).toBe('signals');
    expect(signals.subscribedChannels()).toEqual([
      'carvel:package:app.default.tap',
      'carvel:package:db.default.tap',
    ]);
    signals.publish('carvel:package:db.default.tap', {
      packageName: 'db.default.tap',
      clusters: ['staging'],
    });
    expect(onChange).toHaveBeenCalledTimes(1);

    unmount();
    expect(signals.subscribedChannels()).toEqual([]);
  });

  it('polls when there is no signal API, but not while the page is hidden', () => {
    jest.useFakeTimers();
    const visibility = jest.spyOn(document, 'visibilityState', 'get');
    try {
      const onChange = jest.fn();
      const wrapper = ({ children }: PropsWithChildren<{}>) => (
        <TestApiProvider apis={[]}>{children}</TestApiProvider>
      );
      const { result, unmount } = renderHook(
        () =>
          useCarvelLiveUpdates({
            packageNames: ['app.default.tap'],
            onChange,
            pollIntervalMs: 1_000,
          }),
        { wrapper },
      );

      expect(result.current).toBe('polling');
      visibility.mockReturnValue('visible');
      jest.advanceTimersByTime(2_000);
      expect(onChange).toHaveBeenCalledTimes(2);

      visibility.mockReturnValue('hidden');
      jest.advanceTimersByTime(2_000);
      expect(onChange).toHaveBeenCalledTimes(2);

      unmount();
      visibility.mockReturnValue('visible');
      jest.advanceTimersByTime(2_000);
      expect(onChange).toHaveBeenCalledTimes(2);
    } finally {
      visibility.mockRestore();
      jest.useRealTimers();
    }
  });
});
