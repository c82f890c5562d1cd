import { createHash } from 'node:crypto';
import type { Db } from './db.js';

export interface StoreReport {
  /** `PRAGMA integrity_check`: `ok` when the file is sound (only when asked for: it reads every page). */
  integrity?: string;
  /** Rows per table (migrations table excluded). */
  tables: Record<string, number>;
  /** SHA-256 over every row of every table: equal digests mean equal state. */
  digest: string;
}

/**
 * A read-only look at the store (`GET /_emulator/store`): row counts and a digest of the whole state,
 * so a test can prove a rejected request changed nothing, and optionally SQLite's integrity check,
 * so a crash test can prove the file survived a SIGKILL.
 */
export function inspectStore(db: Db, options: { integrity?: boolean } = {}): StoreReport {
  const names = (
    db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY name",
      )
      .all() as Array<{ name: string }>
  ).map((row) => row.name);
  const hash = createHash('sha256');
  const tables: Record<string, number> = {};
  for (const name of names) {
    const rows = db
      .prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`)
      .raw()
      .all();
    tables[name] = rows.length;
    hash
      .update(name)
      .update('\0')
      .update(
        JSON.stringify(rows, (_k, v) =>
          Buffer.isBuffer(v) ? v.toString('base64') : typeof v === 'bigint' ? String(v) : v,
        ),
      )
      .update('\0');
  }
  const report: StoreReport = { tables, digest: hash.digest('hex') };
  if (options.integrity) report.integrity = String(db.pragma('integrity_check', { simple: true }));
  return report;
}
