import { useEffect, useRef, useState } from 'react';
import { parseEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { DeploymentHistoryResponse } from '@carvel-gitops/plugin-carvel-common';
import { carvelApiRef } from '../api';

export interface DeploymentHistoryResult {
  /** The last history that loaded, kept while a reload is in flight or after it fails. */
  history?: DeploymentHistoryResponse;
  /** The error of the latest load, cleared by the next successful one. */
  error?: Error;
  loading: boolean;
}

interface LoadState extends DeploymentHistoryResult {
  entityRef: string;
}

/**
 * The entity's deployment history, loaded again whenever `reloadKey` changes (the tab passes the
 * time its status last loaded, so the history follows the same signals at no extra cost).
 */
export function useDeploymentHistory(
  entityRef: string,
  reloadKey?: unknown,
): DeploymentHistoryResult {
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
          const history = await carvelApi.getHistory(parseEntityRef(entityRef));
          if (cancelled) return;
          setState({ entityRef, history, loading: false });
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

  // The key the current data was asked for: the first load is the effect above's.
  const loadedKey = useRef(reloadKey);
  useEffect(() => {
    if (Object.is(loadedKey.current, reloadKey)) return;
    loadedKey.current = reloadKey;
    reload.current();
  }, [reloadKey]);

  if (state.entityRef !== entityRef) return { loading: true };
  return {
    history: state.history,
    error: state.error,
    loading: state.loading,
  };
}
