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
];

/** Brings the file to the newest schema; the version lives in SQLite's `user_version`. */
export function migrateSqlite(db: Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(
      `bff.sqlite has schema version ${current}, newer than this BFF knows (${migrations.length})`,
    );
  }
  for (let version = current; version < migrations.length; version += 1) {
    const sql = migrations[version] as string;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version + 1}`);
    }).immediate();
  }
  return migrations.length;
}
