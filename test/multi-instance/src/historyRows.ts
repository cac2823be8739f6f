import knexFactory from 'knex';

export interface HistoryRow {
  cluster: string;
  to_version: string | null;
  status: string;
  transition_id: string;
}

/** The database Backstage gives the carvel plugin on a PostgreSQL server (one database per plugin). */
export function pluginDatabaseUrl(serverUrl: string, pluginId: string) {
  const url = new URL(serverUrl);
  url.pathname = `/backstage_plugin_${pluginId}`;
  return url.toString();
}

/** Every row of the deployment history table, oldest first, read straight from PostgreSQL. */
export async function readHistoryRows(
  serverUrl: string,
): Promise<HistoryRow[]> {
  const db = knexFactory({
    client: 'pg',
    connection: {
      connectionString: pluginDatabaseUrl(serverUrl, 'carvel'),
      connectionTimeoutMillis: 5000,
    },
    pool: { min: 0, max: 1 },
  });
  try {
    return await db<HistoryRow>('carvel_deployment_history')
      .select('cluster', 'to_version', 'status', 'transition_id')
      .orderBy('id')
      .timeout(5000);
  } finally {
    await db.destroy();
  }
}
