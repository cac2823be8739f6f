import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { DeploymentHistoryStore } from './DeploymentHistoryStore';
import type { HistorySettings } from './historyConfig';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Deletes the transitions older than the retention; returns how many. */
export async function deleteExpiredHistory(
  store: DeploymentHistoryStore,
  retentionDays: number,
  now: Date,
): Promise<number> {
  return store.deleteBefore(new Date(now.getTime() - retentionDays * DAY_MS));
}

/** Runs the cleanup on the scheduler, on one backend instance at a time. */
export async function scheduleHistoryRetention(options: {
  scheduler: SchedulerService;
  store: DeploymentHistoryStore;
  settings: HistorySettings;
  logger: LoggerService;
}): Promise<void> {
  const { scheduler, store, settings, logger } = options;
  await scheduler.scheduleTask({
    id: 'carvel-deployment-history-retention',
    frequency: { minutes: settings.cleanupIntervalMinutes },
    timeout: { minutes: 10 },
    initialDelay: { minutes: 1 },
    scope: 'global',
    fn: async () => {
      const deleted = await deleteExpiredHistory(
        store,
        settings.retentionDays,
        new Date(),
      );
      if (deleted > 0) {
        logger.info(
          `Deleted ${deleted} deployment history entries older than ${settings.retentionDays} days`,
        );
      }
    },
  });
}
