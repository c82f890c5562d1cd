import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openPostgresStore } from '../../src/store/postgres-store.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { skipWithoutPostgres, startTestPostgres, type TestPostgres } from './postgres.js';

/** A real store plus a second connection to its database, as an operator's SQL tool would have. */
export interface TestStore {
  store: Store;
  /** SQLite file or PostgreSQL URL. */
  location: string;
  /** Runs SQL through a separate connection (not the store's). */
  exec(sql: string): Promise<void>;
}

export interface StoreBackend {
  name: 'SQLite' | 'PostgreSQL';
  skip: boolean;
  open(): Promise<TestStore>;
}

let postgres: TestPostgres | undefined;

export async function execSqlite(file: string, sql: string): Promise<void> {
  const db = new Database(file);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

export async function execPostgres(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function tempSqliteFile(prefix = 'bff-store-'): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), prefix)), 'bff.sqlite');
}

/** A fresh, empty PostgreSQL database (the throwaway server starts on first use). */
export async function testPostgresDatabase(): Promise<string> {
  postgres ??= await startTestPostgres();
  return postgres.createDatabase();
}

/** SQLite (a temp file) and PostgreSQL (a throwaway server; skipped without one, never under CI). */
export const storeBackends: StoreBackend[] = [
  {
    name: 'SQLite',
    skip: false,
    open: async () => {
      const file = tempSqliteFile();
      return { store: openSqliteStore(file), location: file, exec: (sql) => execSqlite(file, sql) };
    },
  },
  {
    name: 'PostgreSQL',
    skip: skipWithoutPostgres(),
    open: async () => {
      const url = await testPostgresDatabase();
      return { store: await openPostgresStore(url), location: url, exec: (sql) => execPostgres(url, sql) };
    },
  },
];

export async function stopTestPostgres(): Promise<void> {
  await postgres?.stop();
  postgres = undefined;
}

/** Makes the database refuse new audit rows (a full disk, a lost permission) until `allow` runs. */
export function auditWriteFault(t: TestStore): { refuse(): Promise<void>; allow(): Promise<void> } {
  if (t.store.kind === 'sqlite') {
    return {
      refuse: () =>
        t.exec(
          `CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;`,
        ),
      allow: () => t.exec('DROP TRIGGER refuse_audit;'),
    };
  }
  return {
    refuse: () =>
      t.exec(`CREATE FUNCTION refuse_audit() RETURNS trigger AS $$
          BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = '53100'; END
        $$ LANGUAGE plpgsql;
        CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_audit();`),
    allow: () => t.exec('DROP TRIGGER refuse_audit ON audit_log; DROP FUNCTION refuse_audit();'),
  };
}
