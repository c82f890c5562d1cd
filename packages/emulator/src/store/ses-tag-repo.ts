import type { Db } from './db.js';
import type { TagRecord } from './ses-records.js';

/** Tags by resource ARN, in the order they were first set. */
export class SesTagRepo {
  constructor(private readonly db: Db) {}

  list(arn: string): TagRecord[] {
    return this.db
      .prepare('SELECT key AS Key, value AS Value FROM ses_tags WHERE resource_arn = ? ORDER BY seq')
      .all(arn) as TagRecord[];
  }

  put(arn: string, tags: TagRecord[]): void {
    const stmt = this.db.prepare(
      `INSERT INTO ses_tags (resource_arn, key, value) VALUES (?, ?, ?)
       ON CONFLICT (resource_arn, key) DO UPDATE SET value = excluded.value`,
    );
    for (const tag of tags) stmt.run(arn, tag.Key, tag.Value);
  }

  remove(arn: string, keys: string[]): void {
    const stmt = this.db.prepare('DELETE FROM ses_tags WHERE resource_arn = ? AND key = ?');
    for (const key of keys) stmt.run(arn, key);
  }

  removeAll(arn: string): void {
    this.db.prepare('DELETE FROM ses_tags WHERE resource_arn = ?').run(arn);
  }
}
