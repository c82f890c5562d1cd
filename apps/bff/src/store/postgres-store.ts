import type { AuditEntry, AuditPage, AuditQuery } from '@ses-console/contract';
import pg from 'pg';
import {
  type AuditRow,
  auditEntryOf,
  auditRowsSql,
  auditScanSql,
  pickPage,
  type SqlDialect,
} from './audit-query-sql.js';
import { migratePostgres } from './postgres-migrations.js';
import { sessionKey } from './session-key.js';
import type { AuditOutcome, NewAuditEntry, Store } from './store.js';

/** A row as pg returns it: TIMESTAMPTZ as Date, JSONB parsed, BIGSERIAL as text. */
type PostgresAuditRow = Omit<AuditRow, 'time' | 'completed_at'> & { time: Date; completed_at: Date | null };

const postgresDialect: SqlDialect = {
  param: (n) => `$${n}`,
  contains: (column, value) => `strpos(lower(${column}), lower(${value})) > 0`,
  time: (iso) => new Date(iso),
  timeColumn: 'time',
  textLength: (column) => `char_length(${column})`,
  parametersLength: 'octet_length(parameters::text)',
  least: (a, b) => `LEAST(${a}, ${b})`,
};

function toEntry(row: PostgresAuditRow): AuditEntry {
  return auditEntryOf({
    ...row,
    time: row.time.toISOString(),
    completed_at: row.completed_at ? row.completed_at.toISOString() : null,
  });
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
        const result = await pool.query<{ id: string }>(
          `INSERT INTO audit_log (time, actor, actor_name, action, method, path, region, identity,
             parameters, result, status, error_code, request_id, completed_at, deadline_exceeded, account)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
           RETURNING id`,
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
            entry.completedAt ? new Date(entry.completedAt) : null,
            entry.deadlineExceeded,
            entry.account ?? null,
          ],
        );
        return String(result.rows[0]?.id);
      },
      async complete(id: string, outcome: AuditOutcome) {
        await pool.query(
          `UPDATE audit_log SET result = $2, status = $3, error_code = $4, completed_at = $5,
             deadline_exceeded = deadline_exceeded OR $6,
             actor = CASE WHEN $7 THEN $8 ELSE actor END,
             actor_name = CASE WHEN $7 THEN $9 ELSE actor_name END
           WHERE id = $1`,
          [
            id,
            outcome.result,
            outcome.status,
            outcome.errorCode,
            new Date(outcome.completedAt),
            outcome.deadlineExceeded,
            outcome.actor !== undefined,
            outcome.actor?.id ?? null,
            outcome.actor?.name ?? null,
          ],
        );
      },
      async markDeadlineExceeded(id: string) {
        await pool.query('UPDATE audit_log SET deadline_exceeded = true WHERE id = $1', [id]);
      },
      async query(query: AuditQuery): Promise<AuditPage> {
        const scan = auditScanSql(query, postgresDialect);
        const scanned = await pool.query<{ id: string; size: string }>(scan.sql, scan.args);
        const { ids, nextCursor } = pickPage(scanned.rows, query.limit);
        if (ids.length === 0) return { entries: [], nextCursor: null };
        const rows = auditRowsSql(ids, postgresDialect);
        const result = await pool.query<PostgresAuditRow>(rows.sql, rows.args);
        return { entries: result.rows.map(toEntry), nextCursor };
      },
    },
    async close() {
      await pool.end();
    },
  };
}
