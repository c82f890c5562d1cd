import path from 'node:path';
import { openPostgresStore } from './postgres-store.js';
import { openSqliteStore } from './sqlite-store.js';
import type { Store } from './store.js';

/** PostgreSQL when `DATABASE_URL` is set, else SQLite at `DATA_DIR/bff.sqlite` (not the emulator's file). */
export async function openStore(options: { databaseUrl?: string; dataDir: string }): Promise<Store> {
  if (options.databaseUrl) return openPostgresStore(options.databaseUrl);
  return openSqliteStore(path.join(options.dataDir, 'bff.sqlite'));
}
