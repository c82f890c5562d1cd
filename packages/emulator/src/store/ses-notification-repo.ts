import type { Db } from './db.js';
import type { NotificationSettingsRecord, Scope } from './ses-records.js';

/** Identities' feedback-notification settings, one JSON row per identity that has any. */
export class SesNotificationRepo {
  constructor(private readonly db: Db) {}

  get(scope: Scope, identity: string): NotificationSettingsRecord | undefined {
    const row = this.db
      .prepare(
        'SELECT doc FROM ses_identity_notifications WHERE account_id = ? AND region = ? AND identity = ?',
      )
      .get(scope.accountId, scope.region, identity) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as NotificationSettingsRecord) : undefined;
  }

  put(record: NotificationSettingsRecord): void {
    this.db
      .prepare(
        `INSERT INTO ses_identity_notifications (account_id, region, identity, doc) VALUES (?, ?, ?, ?)
         ON CONFLICT (account_id, region, identity) DO UPDATE SET doc = excluded.doc`,
      )
      .run(record.accountId, record.region, record.identity, JSON.stringify(record));
  }

  delete(scope: Scope, identity: string): void {
    this.db
      .prepare('DELETE FROM ses_identity_notifications WHERE account_id = ? AND region = ? AND identity = ?')
      .run(scope.accountId, scope.region, identity);
  }
}
