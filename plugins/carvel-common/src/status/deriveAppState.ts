import type { App } from '../types';
import { isRecord, readCarvelResource } from './readCarvelResource';
import {
  summariseCarvelResource,
  type CarvelStatusSummary,
} from './summariseCarvelResource';

export interface AppStatusSummary extends CarvelStatusSummary {
  /** When kapp-controller last finished a fetch, template or deploy step (App status has no other time). */
  updatedAt?: string;
}

const STEPS_WITH_TIMES = ['fetch', 'template', 'deploy'] as const;

/** The newest `status.<step>.updatedAt`; a failed fetch leaves an older deploy time behind. */
export function lastStepUpdate(
  status: Record<string, unknown>,
): string | undefined {
  let latest: { text: string; time: number } | undefined;
  for (const step of STEPS_WITH_TIMES) {
    const stepStatus = status[step];
    const text = isRecord(stepStatus) ? stepStatus.updatedAt : undefined;
    const time = typeof text === 'string' ? Date.parse(text) : NaN;
    if (
      typeof text === 'string' &&
      !Number.isNaN(time) &&
      (!latest || time > latest.time)
    ) {
      latest = { text, time };
    }
  }
  return latest?.text;
}

/** The state of a kapp-controller App; never throws, malformed input gives `unknown`. */
export function deriveAppState(app: App | unknown): AppStatusSummary {
  const reading = readCarvelResource(app, 'App');
  if ('problem' in reading) {
    return {
      status: 'unknown',
      description: reading.problem,
      pendingSpecChange: false,
    };
  }
  const summary = summariseCarvelResource(reading.facts);
  const updatedAt = lastStepUpdate(reading.facts.status);
  return updatedAt ? { ...summary, updatedAt } : summary;
}
