import { useCallback, useEffect, useRef, useState } from 'react';

export interface CoalescedLoad<T> {
  /** The last value that loaded, kept while a reload is in flight or after it fails. */
  value?: T;
  /** The error of the latest load, cleared by the next successful one. */
  error?: Error;
  loading: boolean;
  loadedAt?: Date;
  /** Loads again; calls during a load coalesce into one more load after it. */
  reload: () => void;
}

interface LoadState<T> {
  key: string;
  value?: T;
  error?: Error;
  loading: boolean;
  loadedAt?: Date;
}

/**
 * Runs `load` for `key`, again when `key` or `deps` change and on `reload()`. What loaded for an
 * earlier key is never returned for the current one.
 */
export function useCoalescedLoad<T>(
  key: string,
  load: () => Promise<T>,
  deps: readonly unknown[],
): CoalescedLoad<T> {
  const [state, setState] = useState<LoadState<T>>({ key, loading: true });
  const reloadRef = useRef<() => void>(() => {});
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    let cancelled = false;
    let inFlight = false;
    let requestedAgain = false;

    const run = async () => {
      if (inFlight) {
        requestedAgain = true;
        return;
      }
      inFlight = true;
      do {
        requestedAgain = false;
        setState(prev =>
          prev.key === key
            ? { ...prev, loading: true }
            : { key, loading: true },
        );
        try {
          const value = await loadRef.current();
          if (cancelled) return;
          setState({ key, value, loading: false, loadedAt: new Date() });
        } catch (e) {
          if (cancelled) return;
          const error = e instanceof Error ? e : new Error(String(e));
          setState(prev => ({ ...prev, error, loading: false }));
        }
      } while (requestedAgain);
      inFlight = false;
    };

    reloadRef.current = () => {
      run();
    };
    run();
    return () => {
      cancelled = true;
    };
    // The caller names what `load` depends on besides the key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, ...deps]);

  const reload = useCallback(() => reloadRef.current(), []);

  if (state.key !== key) return { loading: true, reload };
  return {
    value: state.value,
    error: state.error,
    loading: state.loading,
    loadedAt: state.loadedAt,
    reload,
  };
}
