import fs from 'node:fs';
import path from 'node:path';
import type { AuditEntry, AuditPage, AuditQuery } from '@ses-console/contract';
import Database from 'better-sqlite3';
import {
  type AuditRow,
  auditEntryOf,
  auditRowsSql,
  auditScanSql,
  pickPage,
  type SqlDialect,
} from './audit-query-sql.js';
import { sessionKey } from './session-key.js';
import { migrateSqlite } from './sqlite-migrations.js';
import type { AuditOutcome, NewAuditEntry, SessionKind, Store } from './store.js';

/** A row as better-sqlite3 returns it: parameters as JSON text, the flag as 0/1. */
type SqliteAuditRow = Omit<AuditRow, 'parameters' | 'deadline_exceeded'> & {
  parameters: string | null;
  deadline_exceeded: number;
};

const sqliteDialect: SqlDialect = {
  param: () => '?',
  contains: (column, value) => `instr(lower(${column}), lower(${value})) > 0`,
  time: (iso) => Date.parse(iso),
  timeColumn: 'time_ms',
  textLength: (column) => `length(${column})`,
  parametersLength: 'length(parameters)',
  least: (a, b) => `min(${a}, ${b})`,
};

function toEntry(row: SqliteAuditRow): AuditEntry {
  return auditEntryOf({
    ...row,
    parameters: row.parameters === null ? null : (JSON.parse(row.parameters) as Record<string, unknown>),
    deadline_exceeded: row.deadline_exceeded === 1,
  });
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
    `INSERT INTO audit_log (time, time_ms, actor, actor_name, action, method, path, region, account,
       identity, parameters, result, status, error_code, request_id, completed_at, deadline_exceeded)
     VALUES (@time, @timeMs, @actor, @actorName, @action, @method, @path, @region, @account,
       @identity, @parameters, @result, @status, @errorCode, @requestId, @completedAt, @deadlineExceeded)`,
  );
  const completeAudit = db.prepare(
    `UPDATE audit_log SET result = @result, status = @status, error_code = @errorCode,
       completed_at = @completedAt, deadline_exceeded = max(deadline_exceeded, @deadlineExceeded),
       actor = CASE WHEN @setActor = 1 THEN @actor ELSE actor END,
       actor_name = CASE WHEN @setActor = 1 THEN @actorName ELSE actor_name END
     WHERE id = @id`,
  );
  const markDeadline = db.prepare('UPDATE audit_log SET deadline_exceeded = 1 WHERE id = ?');
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
        const { lastInsertRowid } = insertAudit.run({
          ...entry,
          timeMs: Date.parse(entry.time),
          actorName: entry.actorName ?? null,
          account: entry.account ?? null,
          parameters: JSON.stringify(entry.parameters),
          deadlineExceeded: entry.deadlineExceeded ? 1 : 0,
        });
        return String(lastInsertRowid);
      },
      async complete(id: string, outcome: AuditOutcome) {
        completeAudit.run({
          id: Number(id),
          result: outcome.result,
          status: outcome.status,
          errorCode: outcome.errorCode,
          completedAt: outcome.completedAt,
          deadlineExceeded: outcome.deadlineExceeded ? 1 : 0,
          setActor: outcome.actor ? 1 : 0,
          actor: outcome.actor?.id ?? null,
          actorName: outcome.actor?.name ?? null,
        });
      },
      async markDeadlineExceeded(id: string) {
        markDeadline.run(Number(id));
      },
      async query(query: AuditQuery): Promise<AuditPage> {
        const scan = auditScanSql(query, sqliteDialect);
        const scanned = db.prepare<unknown[], { id: number; size: number }>(scan.sql).all(...scan.args);
        const { ids, nextCursor } = pickPage(scanned, query.limit);
        if (ids.length === 0) return { entries: [], nextCursor: null };
        const rows = auditRowsSql(ids, sqliteDialect);
        const entries = db
          .prepare<unknown[], SqliteAuditRow>(rows.sql)
          .all(...rows.args)
          .map(toEntry);
        return { entries, nextCursor };
      },
    },
    async close() {
      db.close();
    },
  };
}
