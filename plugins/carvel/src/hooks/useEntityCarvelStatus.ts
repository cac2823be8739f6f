import { useCallback, useEffect, useRef, useState } from 'react';
import { parseEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { EntityCarvelStatus } from '@carvel-gitops/plugin-carvel-common';
import { carvelApiRef } from '../api';

export interface EntityCarvelStatusResult {
  /** The last status that loaded, kept while a refresh is in flight or after it fails. */
  status?: EntityCarvelStatus;
  /** The error of the latest load, cleared by the next successful one. */
  error?: Error;
  loading: boolean;
  loadedAt?: Date;
  /** Loads again; calls during a load coalesce into one more load after it. */
  refresh: () => void;
}

interface LoadState {
  entityRef: string;
  status?: EntityCarvelStatus;
  error?: Error;
  loading: boolean;
  loadedAt?: Date;
}

export function useEntityCarvelStatus(
  entityRef: string,
): EntityCarvelStatusResult {
  const carvelApi = useApi(carvelApiRef);
  const [state, setState] = useState<LoadState>({ entityRef, loading: true });
  const reload = useRef<() => void>(() => {});

  useEffect(() => {
    let cancelled = false;
    let inFlight = false;
    let requestedAgain = false;

    const load = async () => {
      if (inFlight) {
        requestedAgain = true;
        return;
      }
      inFlight = true;
      do {
        requestedAgain = false;
        setState(prev =>
          prev.entityRef === entityRef
            ? { ...prev, loading: true }
            : { entityRef, loading: true },
        );
        try {
          const status = await carvelApi.getEntityStatus(
            parseEntityRef(entityRef),
          );
          if (cancelled) return;
          setState({ entityRef, status, loading: false, loadedAt: new Date() });
        } catch (e) {
          if (cancelled) return;
          const error = e instanceof Error ? e : new Error(String(e));
          setState(prev => ({ ...prev, error, loading: false }));
        }
      } while (requestedAgain);
      inFlight = false;
    };

    reload.current = () => {
      load();
    };
    load();
    return () => {
      cancelled = true;
    };
  }, [carvelApi, entityRef]);

  const refresh = useCallback(() => reload.current(), []);

  if (state.entityRef !== entityRef) {
    return { loading: true, refresh };
  }
  return {
    status: state.status,
    error: state.error,
    loading: state.loading,
    loadedAt: state.loadedAt,
    refresh,
  };
}
