import type { Db } from './db.js';
import type { AccountRecord, Scope, SendLogEntry } from './ses-records.js';

/** The account's SES settings per region (no row: the emulator's defaults) and its send log. */
export class SesAccountRepo {
  constructor(private readonly db: Db) {}

  get(scope: Scope): AccountRecord | undefined {
    const row = this.db
      .prepare('SELECT doc FROM ses_accounts WHERE account_id = ? AND region = ?')
      .get(scope.accountId, scope.region) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as AccountRecord) : undefined;
  }

  put(account: AccountRecord): void {
    this.db
      .prepare(
        `INSERT INTO ses_accounts (account_id, region, doc) VALUES (?, ?, ?)
         ON CONFLICT (account_id, region) DO UPDATE SET doc = excluded.doc`,
      )
      .run(account.accountId, account.region, JSON.stringify(account));
  }

  logSend(entry: SendLogEntry): void {
    this.db
      .prepare(
        'INSERT INTO ses_send_log (account_id, region, at, quota_recipients, rate_recipients) VALUES (?, ?, ?, ?, ?)',
      )
      .run(entry.accountId, entry.region, entry.at, entry.quotaRecipients, entry.rateRecipients);
  }

  /** Recipients sent after `sinceMs` (and not after `untilMs`): against the quota and against the rate. */
  sentBetween(scope: Scope, sinceMs: number, untilMs: number): { quota: number; rate: number } {
    const row = this.db
      .prepare(
        `SELECT COALESCE(SUM(quota_recipients), 0) AS quota, COALESCE(SUM(rate_recipients), 0) AS rate
         FROM ses_send_log WHERE account_id = ? AND region = ? AND at > ? AND at <= ?`,
      )
      .get(scope.accountId, scope.region, sinceMs, untilMs) as { quota: number; rate: number };
    return row;
  }
}
