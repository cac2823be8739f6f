import { parseEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { EntityCarvelStatus } from '@carvel-gitops/plugin-carvel-common';
import { carvelApiRef } from '../api';
import { useCoalescedLoad } from './useCoalescedLoad';

export interface EntityCarvelStatusResult {
  /** The last status that loaded, kept while a refresh is in flight or after it fails. */
  status?: EntityCarvelStatus;
  /** The error of the latest load, cleared by the next successful one. */
  error?: Error;
  loading: boolean;
  loadedAt?: Date;
  /** Loads again at once; see useCoalescedLoad's `reload`. */
  refresh: () => void;
}

export function useEntityCarvelStatus(
  entityRef: string,
): EntityCarvelStatusResult {
  const carvelApi = useApi(carvelApiRef);
  const { value, error, loading, loadedAt, reload } = useCoalescedLoad(
    entityRef,
    () => carvelApi.getEntityStatus(parseEntityRef(entityRef)),
    [carvelApi],
  );
  return { status: value, error, loading, loadedAt, refresh: reload };
}
