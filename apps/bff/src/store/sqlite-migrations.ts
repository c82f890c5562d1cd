import type { Database } from 'better-sqlite3';

/** Each entry moves the schema one version up; never edit a shipped one, append a new one. */
const migrations: string[] = [
  `CREATE TABLE sessions (
     id TEXT PRIMARY KEY,
     kind TEXT NOT NULL,
     data TEXT NOT NULL,
     expires_at INTEGER NOT NULL
   );
   CREATE INDEX sessions_expires_at ON sessions (expires_at);
   CREATE TABLE audit_log (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     time TEXT NOT NULL,
     time_ms INTEGER NOT NULL,
     actor TEXT NOT NULL,
     actor_name TEXT,
     action TEXT NOT NULL,
     method TEXT NOT NULL,
     path TEXT NOT NULL,
     region TEXT,
     identity TEXT,
     parameters TEXT NOT NULL,
     result TEXT NOT NULL,
     status INTEGER NOT NULL,
     error_code TEXT,
     request_id TEXT NOT NULL
   );
   CREATE INDEX audit_log_time ON audit_log (time_ms);
   CREATE INDEX audit_log_actor ON audit_log (actor, id);
   CREATE INDEX audit_log_action ON audit_log (action, id);`,
  // 2: intent → result. An entry is written before the change (result `unknown`, no status yet) and
  // completed after it; unauthenticated requests have no actor (NULL) instead of the name
  // `anonymous`, which a real user may have. SQLite cannot drop NOT NULL in place: the table is
  // rebuilt. Old rows were written when their request ended: completed_at = time. A 401 of an old
  // row always had no principal, so its `anonymous` becomes NULL; other `anonymous` rows stay as
  // they are (they may be a real user of that name).
  `CREATE TABLE audit_log_v2 (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     time TEXT NOT NULL,
     time_ms INTEGER NOT NULL,
     actor TEXT,
     actor_name TEXT,
     action TEXT NOT NULL,
     method TEXT NOT NULL,
     path TEXT NOT NULL,
     region TEXT,
     identity TEXT,
     parameters TEXT NOT NULL,
     result TEXT NOT NULL,
     status INTEGER,
     error_code TEXT,
     request_id TEXT NOT NULL,
     completed_at TEXT,
     deadline_exceeded INTEGER NOT NULL DEFAULT 0
   );
   INSERT INTO audit_log_v2 (id, time, time_ms, actor, actor_name, action, method, path, region, identity,
       parameters, result, status, error_code, request_id, completed_at, deadline_exceeded)
     SELECT id, time, time_ms, CASE WHEN actor = 'anonymous' AND status = 401 THEN NULL ELSE actor END,
       actor_name, action, method, path, region, identity, parameters, result, status, error_code,
       request_id, time, 0
     FROM audit_log;
   DROP TABLE audit_log;
   ALTER TABLE audit_log_v2 RENAME TO audit_log;
   CREATE INDEX audit_log_time ON audit_log (time_ms);
   CREATE INDEX audit_log_actor ON audit_log (actor, id);
   CREATE INDEX audit_log_action ON audit_log (action, id);
   CREATE INDEX audit_log_result ON audit_log (result, id);`,
  // 3: the AWS account an entry acted in (ACCOUNTS); entries written before it have none (NULL).
  `ALTER TABLE audit_log ADD COLUMN account TEXT;
   CREATE INDEX audit_log_account ON audit_log (account, id);`,
];

/**
 * Brings the file to the newest schema (or to `target`, for tests of an upgrade); the version lives in
 * SQLite's `user_version`.
 */
export function migrateSqlite(db: Database, target = migrations.length): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(
      `bff.sqlite has schema version ${current}, newer than this BFF knows (${migrations.length})`,
    );
  }
  for (let version = current; version < target; version += 1) {
    const sql = migrations[version] as string;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version + 1}`);
    }).immediate();
  }
  return target;
}
