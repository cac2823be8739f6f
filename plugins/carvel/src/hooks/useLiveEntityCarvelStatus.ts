import type { CarvelEntitySelection } from '@carvel-gitops/plugin-carvel-common';
import {
  DEFAULT_POLL_INTERVAL_MS,
  LiveUpdateMode,
  useCarvelLiveUpdates,
} from './useCarvelLiveUpdates';
import {
  EntityCarvelStatusResult,
  useEntityCarvelStatus,
} from './useEntityCarvelStatus';

/** The entity's status, loaded again whenever the backend signals a change to one of its packages. */
export function useLiveEntityCarvelStatus(
  entityRef: string,
  selection: CarvelEntitySelection,
  pollIntervalMs: number = DEFAULT_POLL_INTERVAL_MS,
): EntityCarvelStatusResult & { mode: LiveUpdateMode } {
  const result = useEntityCarvelStatus(entityRef);
  const mode = useCarvelLiveUpdates({
    packageNames: selection.packageNames,
    clusters: selection.clusters,
    onChange: result.refresh,
    pollIntervalMs,
  });
  return { ...result, mode };
}
