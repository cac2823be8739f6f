import type { CarvelStatus } from '@carvel-gitops/plugin-carvel-common';

/** Default for `carvel.status.maxItemsPerCluster`. */
export const DEFAULT_MAX_ITEMS_PER_CLUSTER = 500;

interface RankedItem {
  namespace: string;
  name: string;
  status: CarvelStatus;
}

const ATTENTION_RANK: Record<CarvelStatus, number> = {
  failed: 0,
  'delete-failed': 0,
  unknown: 1,
  reconciling: 2,
  deleting: 2,
  paused: 3,
  canceled: 3,
  succeeded: 4,
};

export const byNamespaceAndName = (
  a: { namespace: string; name: string },
  b: { namespace: string; name: string },
) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name);

export interface CappedItems<T> {
  /** The items kept, ordered by namespace and name. */
  items: T[];
  /** How many were left out. */
  omitted: number;
}

/**
 * Keeps at most `max` items of one cluster, those that need attention first (failures, then
 * unknown, in progress, paused, succeeded), then by namespace and name, so the choice is stable.
 */
export function capClusterItems<T extends RankedItem>(
  items: T[],
  max: number,
): CappedItems<T> {
  if (items.length <= max) {
    return { items: [...items].sort(byNamespaceAndName), omitted: 0 };
  }
  const kept = [...items]
    .sort(
      (a, b) =>
        ATTENTION_RANK[a.status] - ATTENTION_RANK[b.status] ||
        byNamespaceAndName(a, b),
    )
    .slice(0, max);
  return {
    items: kept.sort(byNamespaceAndName),
    omitted: items.length - kept.length,
  };
}
