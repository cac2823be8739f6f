import type {
  DatabaseService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type { CommitLookup } from './CommitLookup';
import {
  DeploymentHistoryRecorder,
  ObservedFleet,
} from './DeploymentHistoryRecorder';
import { DeploymentHistoryStore } from './DeploymentHistoryStore';
import { readHistorySettings } from './historyConfig';
import { scheduleHistoryRetention } from './historyRetention';
import { applyHistoryMigrations } from './migrations';

/** Migrates the history table, records the fleet's transitions and schedules the retention cleanup. */
export async function startDeploymentHistory(options: {
  database: DatabaseService;
  scheduler: SchedulerService;
  config: Config;
  logger: LoggerService;
  fleet: ObservedFleet;
  commits: CommitLookup;
}): Promise<{ store: DeploymentHistoryStore; stop(): Promise<void> }> {
  const settings = readHistorySettings(options.config);
  const db = await options.database.getClient();
  if (!options.database.migrations?.skip) {
    await applyHistoryMigrations(db);
  }
  const store = new DeploymentHistoryStore(db);
  const recorder = new DeploymentHistoryRecorder({
    fleet: options.fleet,
    store,
    commits: options.commits,
    logger: options.logger,
  });
  recorder.start();
  await scheduleHistoryRetention({
    scheduler: options.scheduler,
    store,
    settings,
    logger: options.logger,
  });
  return { store, stop: () => recorder.stop() };
}
