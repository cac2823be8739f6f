import { useEffect, useRef } from 'react';
import { useApiHolder } from '@backstage/core-plugin-api';
import { signalApiRef } from '@backstage/plugin-signals-react';
import {
  carvelPackageChannel,
  CarvelPackageSignal,
} from '@carvel-gitops/plugin-carvel-common';

export const DEFAULT_POLL_INTERVAL_MS = 30_000;

export type LiveUpdateMode = 'signals' | 'polling';

export interface CarvelLiveUpdatesOptions {
  packageNames: string[];
  /** The entity's cluster filter; signals about other clusters are ignored. */
  clusters?: string[];
  onChange: () => void;
  pollIntervalMs?: number;
}

function concernsClusters(
  signal: Partial<CarvelPackageSignal>,
  clusters: string[] | undefined,
): boolean {
  if (!clusters || !Array.isArray(signal.clusters) || !signal.clusters.length) {
    return true;
  }
  return signal.clusters.some(cluster => clusters.includes(cluster));
}

/**
 * Calls `onChange` whenever the backend signals a change to one of the
 * packages, or on a timer when the app has no signal API.
 */
export function useCarvelLiveUpdates(
  options: CarvelLiveUpdatesOptions,
): LiveUpdateMode {
  const {
    packageNames,
    clusters,
    pollIntervalMs = DEFAULT_POLL_INTERVAL_MS,
  } = options;
  const signalApi = useApiHolder().get(signalApiRef);
  const onChange = useRef(options.onChange);
  onChange.current = options.onChange;

  // Join the arrays so that a new array with the same names does not resubscribe.
  const packageKey = packageNames.join(',');
  const clusterKey = clusters?.join(',');

  useEffect(() => {
    const names = packageKey ? packageKey.split(',') : [];
    const clusterFilter = clusterKey ? clusterKey.split(',') : undefined;
    if (signalApi) {
      const subscriptions = names.map(name =>
        signalApi.subscribe(carvelPackageChannel(name), message => {
          if (concernsClusters(message, clusterFilter)) {
            onChange.current();
          }
        }),
      );
      return () => subscriptions.forEach(s => s.unsubscribe());
    }
    const timer = setInterval(() => {
      // A hidden tab has no one to show the result to.
      if (document.visibilityState !== 'hidden') {
        onChange.current();
      }
    }, pollIntervalMs);
    return () => clearInterval(timer);
  }, [signalApi, packageKey, clusterKey, pollIntervalMs]);

  return signalApi ? 'signals' : 'polling';
}
