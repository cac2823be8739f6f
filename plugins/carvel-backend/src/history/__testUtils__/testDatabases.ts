import { TestDatabases } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import { applyHistoryMigrations } from '../migrations';
import {
  POSTGRES15_CONNECTION_ENV,
  startThrowawayPostgres,
} from './throwawayPostgres';

export type HistoryDatabaseId = 'SQLITE_3' | 'POSTGRES_15';

/**
 * SQLite and a real PostgreSQL 15 for the history tests of one file. Call at the top of the file:
 * the server starts before TestDatabases looks for it and stops after the file's tests.
 */
export function historyTestDatabases() {
  const postgres = startThrowawayPostgres();
  const previous = process.env[POSTGRES15_CONNECTION_ENV];
  process.env[POSTGRES15_CONNECTION_ENV] = postgres.connectionString;
  const databases = TestDatabases.create({
    ids: ['SQLITE_3', 'POSTGRES_15'],
  });
  // Declared after TestDatabases' own afterAll, so it runs after the databases are dropped.
  afterAll(() => {
    postgres.stop();
    if (previous === undefined) delete process.env[POSTGRES15_CONNECTION_ENV];
  });
  return {
    ids: databases.eachSupportedId() as Array<[HistoryDatabaseId]>,
    /** A fresh, empty database with the history table. */
    async init(id: HistoryDatabaseId): Promise<Knex> {
      const knex = await databases.init(id);
      await applyHistoryMigrations(knex);
      return knex;
    },
  };
}
