import type { Db } from './db.js';

/** Empties every table but the migrations table, in one transaction (`POST /_emulator/reset`). */
export function deleteAllState(db: Db): void {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'",
    )
    .all() as Array<{ name: string }>;
  db.transaction(() => {
    for (const { name } of tables) db.exec(`DELETE FROM "${name.replace(/"/g, '""')}"`);
  })();
}
