import { mockServices } from '@backstage/backend-test-utils';
import type { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import { historyTestDatabases } from './__testUtils__/testDatabases';
import {
  DeploymentHistoryStore,
  DeploymentTransition,
} from './DeploymentHistoryStore';
import {
  deleteExpiredHistory,
  scheduleHistoryRetention,
} from './historyRetention';

const databases = historyTestDatabases();

const transitionAt = (at: Date, id: string): DeploymentTransition => ({
  cluster: 'prod',
  namespace: 'apps',
  name: 'app',
  packageName: 'app.default.tap',
  toVersion: '1.0.0',
  status: 'succeeded',
  at,
  transitionId: id,
});

const daysBefore = (now: Date, days: number) =>
  new Date(now.getTime() - days * 24 * 60 * 60 * 1000);

describe.each(databases.ids)('history retention on %s', id => {
  it('deletes what is older than the retention and keeps the rest', async () => {
    const store = new DeploymentHistoryStore(await databases.init(id));
    const now = new Date('2026-12-01T00:00:00Z');
    await store.record(transitionAt(daysBefore(now, 91), 'expired'));
    await store.record(transitionAt(daysBefore(now, 89), 'kept'));
    expect(await deleteExpiredHistory(store, 90, now)).toBe(1);
    const left = await store.list({
      packageNames: ['app.default.tap'],
      limit: 10,
    });
    expect(left.map(t => t.transitionId)).toEqual(['kept']);
  });
});

describe('scheduleHistoryRetention', () => {
  it('schedules one global cleanup with the configured interval and retention', async () => {
    const tasks: SchedulerServiceTaskInvocationDefinition[] = [];
    const scheduler = mockServices.scheduler.mock({
      scheduleTask: async task => {
        tasks.push(task);
      },
    });
    const store = {
      deleteBefore: jest.fn().mockResolvedValue(3),
    } as unknown as DeploymentHistoryStore;
    const logger = mockServices.logger.mock();
    await scheduleHistoryRetention({
      scheduler,
      store,
      settings: { retentionDays: 7, cleanupIntervalMinutes: 30 },
      logger,
    });
    expect(tasks).toEqual([
      expect.objectContaining({
        id: 'carvel-deployment-history-retention',
        frequency: { minutes: 30 },
        scope: 'global',
      }),
    ]);

    const before = Date.now();
    await tasks[0].fn(new AbortController().signal);
    const cutoff: Date = (store.deleteBefore as jest.Mock).mock.calls[0][0];
    const sevenDaysMs = 7 * 24 * 60 * 60 * 1000;
    expect(cutoff.getTime()).toBeGreaterThanOrEqual(before - sevenDaysMs);
    expect(cutoff.getTime()).toBeLessThanOrEqual(Date.now() - sevenDaysMs);
    expect(logger.info).toHaveBeenCalledWith(
      'Deleted 3 deployment history entries older than 7 days',
    );
  });
});
