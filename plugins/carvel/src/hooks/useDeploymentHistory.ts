import { useEffect, useRef } from 'react';
import { parseEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { DeploymentHistoryResponse } from '@carvel-gitops/plugin-carvel-common';
import { carvelApiRef } from '../api';
import { useCoalescedLoad } from './useCoalescedLoad';

export interface DeploymentHistoryResult {
  /** The last history that loaded, kept while a reload is in flight or after it fails. */
  history?: DeploymentHistoryResponse;
  /** The error of the latest load, cleared by the next successful one. */
  error?: Error;
  loading: boolean;
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
  const { value, error, loading, reload } = useCoalescedLoad(
    entityRef,
    () => carvelApi.getHistory(parseEntityRef(entityRef)),
    [carvelApi],
  );

  // The key the current data was asked for: the first load is useCoalescedLoad's own.
  const loadedKey = useRef(reloadKey);
  useEffect(() => {
    if (Object.is(loadedKey.current, reloadKey)) return;
    loadedKey.current = reloadKey;
    reload();
  }, [reloadKey, reload]);

  return { history: value, error, loading };
}
