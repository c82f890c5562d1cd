import type { AuditEntry, AuditPage, AuditQuery } from '@ses-console/contract';
import pg from 'pg';
import { auditQuerySql, type SqlDialect, toPage } from './audit-query-sql.js';
import { migratePostgres } from './postgres-migrations.js';
import { sessionKey } from './session-key.js';
import type { NewAuditEntry, Store } from './store.js';

interface AuditRow {
  id: string;
  time: Date;
  actor: string;
  actor_name: string | null;
  action: string;
  method: string;
  path: string;
  region: string | null;
  identity: string | null;
  parameters: Record<string, unknown>;
  result: 'success' | 'error';
  status: number;
  error_code: string | null;
  request_id: string;
}

const postgresDialect: SqlDialect = {
  param: (n) => `$${n}`,
  contains: (column, value) => `strpos(lower(${column}), lower(${value})) > 0`,
  time: (iso) => new Date(iso),
  timeColumn: 'time',
};

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: String(row.id),
    time: row.time.toISOString(),
    actor: row.actor,
    ...(row.actor_name ? { actorName: row.actor_name } : {}),
    action: row.action,
    method: row.method,
    path: row.path,
    region: row.region,
    identity: row.identity,
    parameters: row.parameters,
    result: row.result,
    status: row.status,
    errorCode: row.error_code,
    requestId: row.request_id,
  };
}

/**
 * The shared store (`DATABASE_URL`): several BFF instances behind a load balancer see the same
 * sessions and audit log.
 */
export async function openPostgresStore(connectionString: string): Promise<Store> {
  const pool = new pg.Pool({ connectionString, max: 5 });
  // An idle client's error (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const client = await pool.connect();
  try {
    await migratePostgres(client);
  } finally {
    client.release();
  }

  const getData = async (sql: string, args: unknown[]): Promise<unknown> => {
    const result = await pool.query<{ data: unknown }>(sql, args);
    return result.rows[0]?.data;
  };

  return {
    kind: 'postgres',
    sessions: {
      async put(id, kind, data, expiresAt) {
        await pool.query(
          `INSERT INTO sessions (id, kind, data, expires_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (id) DO UPDATE SET kind = $2, data = $3, expires_at = $4`,
          [sessionKey(id), kind, JSON.stringify(data), expiresAt],
        );
      },
      get: (id, kind, now) =>
        getData('SELECT data FROM sessions WHERE id = $1 AND kind = $2 AND expires_at > $3', [
          sessionKey(id),
          kind,
          now,
        ]),
      take: (id, kind, now) =>
        getData('DELETE FROM sessions WHERE id = $1 AND kind = $2 AND expires_at > $3 RETURNING data', [
          sessionKey(id),
          kind,
          now,
        ]),
      async delete(id) {
        await pool.query('DELETE FROM sessions WHERE id = $1', [sessionKey(id)]);
      },
      async deleteExpired(now) {
        const result = await pool.query('DELETE FROM sessions WHERE expires_at <= $1', [now]);
        return result.rowCount ?? 0;
      },
    },
    audit: {
      async append(entry: NewAuditEntry) {
        await pool.query(
          `INSERT INTO audit_log (time, actor, actor_name, action, method, path, region, identity,
             parameters, result, status, error_code, request_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
          [
            new Date(entry.time),
            entry.actor,
            entry.actorName ?? null,
            entry.action,
            entry.method,
            entry.path,
            entry.region,
            entry.identity,
            JSON.stringify(entry.parameters),
            entry.result,
            entry.status,
            entry.errorCode,
            entry.requestId,
          ],
        );
      },
      async query(query: AuditQuery): Promise<AuditPage> {
        const { sql, args } = auditQuerySql(query, postgresDialect);
        const result = await pool.query<AuditRow>(sql, args);
        return toPage(result.rows.map(toEntry), query.limit);
      },
    },
    async close() {
      await pool.end();
    },
  };
}
