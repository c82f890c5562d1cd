import fs from 'node:fs';
import path from 'node:path';
import type { AuditEntry, AuditPage, AuditQuery } from '@ses-console/contract';
import Database from 'better-sqlite3';
import { auditQuerySql, type SqlDialect, toPage } from './audit-query-sql.js';
import { sessionKey } from './session-key.js';
import { migrateSqlite } from './sqlite-migrations.js';
import type { NewAuditEntry, SessionKind, Store } from './store.js';

interface AuditRow {
  id: number;
  time: string;
  actor: string;
  actor_name: string | null;
  action: string;
  method: string;
  path: string;
  region: string | null;
  identity: string | null;
  parameters: string;
  result: 'success' | 'error';
  status: number;
  error_code: string | null;
  request_id: string;
}

const sqliteDialect: SqlDialect = {
  param: () => '?',
  contains: (column, value) => `instr(lower(${column}), lower(${value})) > 0`,
  time: (iso) => Date.parse(iso),
  timeColumn: 'time_ms',
};

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: String(row.id),
    time: row.time,
    actor: row.actor,
    ...(row.actor_name ? { actorName: row.actor_name } : {}),
    action: row.action,
    method: row.method,
    path: row.path,
    region: row.region,
    identity: row.identity,
    parameters: JSON.parse(row.parameters) as Record<string, unknown>,
    result: row.result,
    status: row.status,
    errorCode: row.error_code,
    requestId: row.request_id,
  };
}

/** The default store: one SQLite file (`DATA_DIR/bff.sqlite`), or memory with `:memory:`. */
export function openSqliteStore(file: string): Store {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  migrateSqlite(db);

  const putSession = db.prepare(
    'INSERT OR REPLACE INTO sessions (id, kind, data, expires_at) VALUES (?, ?, ?, ?)',
  );
  const getSession = db.prepare<[string, string, number], { data: string }>(
    'SELECT data FROM sessions WHERE id = ? AND kind = ? AND expires_at > ?',
  );
  const deleteSession = db.prepare('DELETE FROM sessions WHERE id = ?');
  const deleteExpired = db.prepare('DELETE FROM sessions WHERE expires_at <= ?');
  const insertAudit = db.prepare(
    `INSERT INTO audit_log (time, time_ms, actor, actor_name, action, method, path, region, identity,
       parameters, result, status, error_code, request_id)
     VALUES (@time, @timeMs, @actor, @actorName, @action, @method, @path, @region, @identity,
       @parameters, @result, @status, @errorCode, @requestId)`,
  );
  const take = db.transaction((key: string, kind: SessionKind, now: number) => {
    const row = getSession.get(key, kind, now);
    deleteSession.run(key);
    return row;
  });

  return {
    kind: 'sqlite',
    sessions: {
      async put(id, kind, data, expiresAt) {
        putSession.run(sessionKey(id), kind, JSON.stringify(data), expiresAt.getTime());
      },
      async get(id, kind, now) {
        const row = getSession.get(sessionKey(id), kind, now.getTime());
        return row ? JSON.parse(row.data) : undefined;
      },
      async take(id, kind, now) {
        const row = take(sessionKey(id), kind, now.getTime());
        return row ? JSON.parse(row.data) : undefined;
      },
      async delete(id) {
        deleteSession.run(sessionKey(id));
      },
      async deleteExpired(now) {
        return deleteExpired.run(now.getTime()).changes;
      },
    },
    audit: {
      async append(entry: NewAuditEntry) {
        insertAudit.run({
          ...entry,
          timeMs: Date.parse(entry.time),
          actorName: entry.actorName ?? null,
          parameters: JSON.stringify(entry.parameters),
        });
      },
      async query(query: AuditQuery): Promise<AuditPage> {
        const { sql, args } = auditQuerySql(query, sqliteDialect);
        const rows = db.prepare<unknown[], AuditRow>(sql).all(...args);
        return toPage(rows.map(toEntry), query.limit);
      },
    },
    async close() {
      db.close();
    },
  };
}
