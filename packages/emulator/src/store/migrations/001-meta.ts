import type { Migration } from '../db.js';

export const meta: Migration = {
  id: '001-meta',
  sql: `
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `,
};
