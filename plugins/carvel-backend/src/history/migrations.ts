import { resolvePackagePath } from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';

/** Brings the plugin's tables up to date (the knex migrations shipped in `migrations/`). */
export async function applyHistoryMigrations(knex: Knex): Promise<void> {
  await knex.migrate.latest({
    directory: resolvePackagePath(
      '@carvel-gitops/plugin-carvel-backend',
      'migrations',
    ),
  });
}
