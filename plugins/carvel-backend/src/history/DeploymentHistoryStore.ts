import type { Knex } from 'knex';
import type {
  CarvelStatus,
  DeploymentHistoryEntry,
} from '@carvel-gitops/plugin-carvel-common';
import { namespacedName } from '../cluster/NamespacedObjects';

export const HISTORY_TABLE = 'carvel_deployment_history';

/** Column sizes of the migration: longer values are not recorded. */
export const HISTORY_COLUMN_LIMITS = { name: 253, version: 128 };

/** One transition of a PackageInstall on a cluster, as the recorder writes it. */
export interface DeploymentTransition {
  cluster: string;
  namespace: string;
  name: string;
  packageName: string;
  fromVersion?: string;
  toVersion?: string;
  status: CarvelStatus;
  commit?: string;
  at: Date;
  leadTimeSeconds?: number;
  /** The same on every backend instance that observes this transition. */
  transitionId: string;
}

export interface InstallRef {
  cluster: string;
  namespace: string;
  name: string;
}

export interface HistoryQuery {
  packageNames: string[];
  clusters?: string[];
  namespace?: string;
  /** Only transitions at or after this time. */
  since?: Date;
  limit: number;
}

interface HistoryRow {
  id: number | string;
  cluster: string;
  namespace: string;
  name: string;
  package_name: string;
  from_version: string | null;
  to_version: string | null;
  status: string;
  commit: string | null;
  at: Date | string | number;
  lead_time_seconds: number | string | null;
  transition_id: string;
}

/** PostgreSQL gives Dates, SQLite the milliseconds or text it stored. */
function toDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(value);
}

function toTransition(row: HistoryRow): DeploymentTransition {
  return {
    cluster: row.cluster,
    namespace: row.namespace,
    name: row.name,
    packageName: row.package_name,
    fromVersion: row.from_version ?? undefined,
    toVersion: row.to_version ?? undefined,
    status: row.status as CarvelStatus,
    commit: row.commit ?? undefined,
    at: toDate(row.at),
    leadTimeSeconds:
      row.lead_time_seconds === null
        ? undefined
        : Number(row.lead_time_seconds),
    transitionId: row.transition_id,
  };
}

/** The API's shape of a stored transition: absent values are left out. */
export function toHistoryEntry(
  transition: DeploymentTransition,
): DeploymentHistoryEntry {
  return {
    cluster: transition.cluster,
    namespace: transition.namespace,
    name: transition.name,
    packageName: transition.packageName,
    ...(transition.fromVersion !== undefined
      ? { fromVersion: transition.fromVersion }
      : {}),
    ...(transition.toVersion !== undefined
      ? { toVersion: transition.toVersion }
      : {}),
    status: transition.status,
    at: transition.at.toISOString(),
    ...(transition.commit !== undefined ? { commit: transition.commit } : {}),
    ...(transition.leadTimeSeconds !== undefined
      ? { leadTimeSeconds: transition.leadTimeSeconds }
      : {}),
  };
}

// SQLite allows 999 bound values per statement: 11 columns a row.
const INSERT_BATCH = 50;
const LOOKUP_BATCH = 500;

const TRANSITION_KEY = ['cluster', 'namespace', 'name', 'transition_id'];

type HistoryInsertRow = ReturnType<typeof rowOf>;

/**
 * One multi-row `insert … values … on conflict do nothing`. knex writes SQLite's multi-row insert
 * as a union of selects, which SQLite takes about 60% longer to prepare and run.
 */
function insertValuesIgnoringStored(
  rows: HistoryInsertRow[],
): [string, Array<string | number | Date | null>] {
  const columns = Object.keys(rows[0]) as Array<keyof HistoryInsertRow>;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  return [
    `insert into ?? (${columns.map(() => '??').join(', ')}) values ${rows
      .map(() => tuple)
      .join(', ')} on conflict (${TRANSITION_KEY.map(() => '??').join(
      ', ',
    )}) do nothing`,
    [
      HISTORY_TABLE,
      ...columns,
      ...rows.flatMap(row => columns.map(column => row[column])),
      ...TRANSITION_KEY,
    ],
  ];
}

function rowOf(transition: DeploymentTransition) {
  return {
    cluster: transition.cluster,
    namespace: transition.namespace,
    name: transition.name,
    package_name: transition.packageName,
    from_version: transition.fromVersion ?? null,
    to_version: transition.toVersion ?? null,
    status: transition.status,
    commit: transition.commit ?? null,
    at: transition.at,
    lead_time_seconds: transition.leadTimeSeconds ?? null,
    transition_id: transition.transitionId,
  };
}

/** The deployment history table: each transition stored once, whichever instance writes it first. */
export class DeploymentHistoryStore {
  constructor(private readonly db: Knex) {}

  /** Inserts unless this transition is already stored; true when this call stored it. */
  async record(transition: DeploymentTransition): Promise<boolean> {
    const inserted = await this.db(HISTORY_TABLE)
      .insert(rowOf(transition))
      .onConflict(TRANSITION_KEY)
      .ignore()
      .returning('id');
    return inserted.length > 0;
  }

  /** Inserts each transition not stored yet, a batch per statement. */
  async recordAll(transitions: DeploymentTransition[]): Promise<void> {
    for (let i = 0; i < transitions.length; i += INSERT_BATCH) {
      const rows = transitions.slice(i, i + INSERT_BATCH).map(rowOf);
      if (this.db.client.dialect === 'sqlite3') {
        await this.db.raw(...insertValuesIgnoringStored(rows));
      } else {
        await this.db(HISTORY_TABLE)
          .insert(rows)
          .onConflict(TRANSITION_KEY)
          .ignore();
      }
    }
  }

  /** The newest stored transition of each of these PackageInstalls of one cluster, by `namespace/name`. */
  async latestOfEach(
    cluster: string,
    installs: Array<{ namespace: string; name: string }>,
  ): Promise<Map<string, DeploymentTransition>> {
    const wanted = new Set(
      installs.map(i => namespacedName(i.namespace, i.name)),
    );
    const names = [...new Set(installs.map(i => i.name))];
    const latest = new Map<string, DeploymentTransition>();
    for (let i = 0; i < names.length; i += LOOKUP_BATCH) {
      const ranked = this.db(HISTORY_TABLE)
        .select(
          '*',
          this.db.raw(
            'row_number() over (partition by namespace, name order by at desc, id desc) as newest_first',
          ),
        )
        .where({ cluster })
        .whereIn('name', names.slice(i, i + LOOKUP_BATCH));
      const rows: HistoryRow[] = await this.db
        .from(ranked.as('ranked'))
        .where('newest_first', 1);
      for (const row of rows) {
        const key = namespacedName(row.namespace, row.name);
        if (wanted.has(key)) latest.set(key, toTransition(row));
      }
    }
    return latest;
  }

  /** Newest first. */
  async list(query: HistoryQuery): Promise<DeploymentTransition[]> {
    if (query.packageNames.length === 0) return [];
    let builder = this.db<HistoryRow>(HISTORY_TABLE).whereIn(
      'package_name',
      query.packageNames,
    );
    if (query.clusters) builder = builder.whereIn('cluster', query.clusters);
    if (query.namespace) builder = builder.where('namespace', query.namespace);
    if (query.since) builder = builder.where('at', '>=', query.since);
    const rows = await builder
      .orderBy([
        { column: 'at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(query.limit);
    return rows.map(toTransition);
  }

  /** Deletes transitions older than `cutoff`; returns how many. */
  async deleteBefore(cutoff: Date): Promise<number> {
    return await this.db(HISTORY_TABLE).where('at', '<', cutoff).delete();
  }
}
