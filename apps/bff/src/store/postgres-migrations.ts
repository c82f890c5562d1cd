import type { ClientBase } from 'pg';

/** Each entry moves the schema one version up; never edit a shipped one, append a new one. */
const migrations: string[] = [
  `CREATE TABLE sessions (
     id TEXT PRIMARY KEY,
     kind TEXT NOT NULL,
     data JSONB NOT NULL,
     expires_at TIMESTAMPTZ NOT NULL
   );
   CREATE INDEX sessions_expires_at ON sessions (expires_at);
   CREATE TABLE audit_log (
     id BIGSERIAL PRIMARY KEY,
     time TIMESTAMPTZ NOT NULL,
     actor TEXT NOT NULL,
     actor_name TEXT,
     action TEXT NOT NULL,
     method TEXT NOT NULL,
     path TEXT NOT NULL,
     region TEXT,
     identity TEXT,
     parameters JSONB NOT NULL,
     result TEXT NOT NULL,
     status INTEGER NOT NULL,
     error_code TEXT,
     request_id TEXT NOT NULL
   );
   CREATE INDEX audit_log_time ON audit_log (time);
   CREATE INDEX audit_log_actor ON audit_log (actor, id);
   CREATE INDEX audit_log_action ON audit_log (action, id);`,
  // 2: intent → result (see sqlite-migrations.ts): an entry is written before the change with no
  // status yet and completed after it; unauthenticated requests have no actor (NULL). Old rows were
  // written when their request ended (completed_at = time); an old 401's `anonymous` had no principal.
  `ALTER TABLE audit_log ALTER COLUMN actor DROP NOT NULL;
   ALTER TABLE audit_log ALTER COLUMN status DROP NOT NULL;
   ALTER TABLE audit_log ADD COLUMN completed_at TIMESTAMPTZ;
   ALTER TABLE audit_log ADD COLUMN deadline_exceeded BOOLEAN NOT NULL DEFAULT false;
   UPDATE audit_log SET completed_at = time;
   UPDATE audit_log SET actor = NULL WHERE actor = 'anonymous' AND status = 401;
   CREATE INDEX audit_log_result ON audit_log (result, id);`,
  // 3: the AWS account an entry acted in (ACCOUNTS); entries written before it have none (NULL).
  `ALTER TABLE audit_log ADD COLUMN account TEXT;
   CREATE INDEX audit_log_account ON audit_log (account, id);`,
];

/** Arbitrary constant: the advisory lock that lets one of several starting BFFs migrate at a time. */
const MIGRATION_LOCK = 7_351_204;

/**
 * Brings the database to the newest schema (or to `target`, for tests of an upgrade); safe when
 * several instances start together.
 */
export async function migratePostgres(client: ClientBase, target = migrations.length): Promise<number> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS ses_console_schema (version INTEGER NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
    );
    const result = await client.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM ses_console_schema',
    );
    const current = result.rows[0]?.version ?? 0;
    if (current > migrations.length) {
      throw new Error(
        `The database has schema version ${current}, newer than this BFF knows (${migrations.length})`,
      );
    }
    for (let version = current; version < target; version += 1) {
      await client.query(migrations[version] as string);
      await client.query('INSERT INTO ses_console_schema (version) VALUES ($1)', [version + 1]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  return target;
}
