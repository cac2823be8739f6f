import { useEffect, useState } from 'react';

export interface CarvelLoad<T> {
  value?: T;
  error?: Error;
  loading: boolean;
}

/** Loads once per `key` (undefined: nothing to load); an answer for an older key is dropped. */
export function useCarvelLoad<T>(
  key: string | undefined,
  load: (key: string) => Promise<T>,
): CarvelLoad<T> {
  const [state, setState] = useState<CarvelLoad<T> & { key?: string }>({
    loading: key !== undefined,
  });
  useEffect(() => {
    if (key === undefined) {
      setState({ loading: false });
      return undefined;
    }
    let current = true;
    setState({ key, loading: true });
    load(key).then(
      value => current && setState({ key, value, loading: false }),
      error => current && setState({ key, error, loading: false }),
    );
    return () => {
      current = false;
    };
    // `load` is a new function on every render; the key says what to load.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  if (key !== state.key) return { loading: key !== undefined };
  return { value: state.value, error: state.error, loading: state.loading };
}
