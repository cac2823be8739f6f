import { useCallback, useEffect, useRef, useState } from 'react';

export interface CoalescedLoad<T> {
  /** The last value that loaded, kept while a reload is in flight or after it fails. */
  value?: T;
  /** The error of the latest load, cleared by the next successful one. */
  error?: Error;
  loading: boolean;
  loadedAt?: Date;
  /**
   * Loads again at once, beside a load already running (its older answer never replaces a newer
   * one); calls while two loads run coalesce into one more load after one of them.
   */
  reload: () => void;
}

const MAX_LOADS_IN_FLIGHT = 2;

interface LoadState<T> {
  key: string;
  value?: T;
  error?: Error;
  loading: boolean;
  loadedAt?: Date;
}

/**
 * Runs `load` for `key`, again when `key` or `deps` change and on `reload()`. What loaded for an
 * earlier key is never returned for the current one. A change signalled during a load is asked for
 * at once: waiting for an answer that may predate the change would add its whole duration.
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
    let inFlight = 0;
    let started = 0;
    let applied = 0;
    let requestedAgain = false;

    const run = async () => {
      if (inFlight >= MAX_LOADS_IN_FLIGHT) {
        requestedAgain = true;
        return;
      }
      const order = ++started;
      inFlight++;
      setState(prev =>
        prev.key === key ? { ...prev, loading: true } : { key, loading: true },
      );
      let outcome: { value: T } | { error: Error };
      try {
        outcome = { value: await loadRef.current() };
      } catch (e) {
        outcome = { error: e instanceof Error ? e : new Error(String(e)) };
      }
      inFlight--;
      if (cancelled) return;
      const stillLoading = inFlight > 0 || requestedAgain;
      if (order > applied) {
        applied = order;
        setState(prev =>
          'value' in outcome
            ? {
                key,
                value: outcome.value,
                loading: stillLoading,
                loadedAt: new Date(),
              }
            : { ...prev, error: outcome.error, loading: stillLoading },
        );
      } else if (!stillLoading) {
        setState(prev => ({ ...prev, loading: false }));
      }
      if (requestedAgain) {
        requestedAgain = false;
        run();
      }
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
