import type { Db } from './db.js';
import type { MailboxMessage, Scope } from './ses-records.js';

/** Every message the emulator "sent": SendEmail captures and SES's own verification emails. */
export class SesMailboxRepo {
  constructor(private readonly db: Db) {}

  insert(message: MailboxMessage): void {
    this.db
      .prepare(
        'INSERT INTO ses_mailbox (id, account_id, region, kind, source, timestamp, doc) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        message.id,
        message.accountId,
        message.region,
        message.kind,
        message.source,
        message.timestamp,
        JSON.stringify(message),
      );
  }

  /** All messages in capture order, optionally only the one with `id`. */
  list(id?: string): MailboxMessage[] {
    const rows = this.db
      .prepare('SELECT doc FROM ses_mailbox WHERE (? IS NULL OR id = ?) ORDER BY seq')
      .all(id ?? null, id ?? null) as Array<{ doc: string }>;
    return rows.map((r) => JSON.parse(r.doc) as MailboxMessage);
  }

  /** Deletes one message (`id`) or all; returns how many went. */
  delete(id?: string): number {
    return this.db.prepare('DELETE FROM ses_mailbox WHERE (? IS NULL OR id = ?)').run(id ?? null, id ?? null)
      .changes;
  }

  /** Messages sent through SendEmail by an account in a region since `sinceMs` (SendQuota is regional). */
  countSentSince(accountId: string, region: string, sinceMs: number): number {
    const row = this.db
      .prepare(
        "SELECT COUNT(*) AS n FROM ses_mailbox WHERE account_id = ? AND region = ? AND kind = 'sent' AND timestamp > ?",
      )
      .get(accountId, region, sinceMs) as { n: number };
    return row.n;
  }

  /** Messages sent by an account in a region since `sinceMs`, in send order (GetSendStatistics). */
  listSentSince(scope: Scope, sinceMs: number): MailboxMessage[] {
    const rows = this.db
      .prepare(
        "SELECT doc FROM ses_mailbox WHERE account_id = ? AND region = ? AND kind = 'sent' AND timestamp > ? ORDER BY seq",
      )
      .all(scope.accountId, scope.region, sinceMs) as Array<{ doc: string }>;
    return rows.map((r) => JSON.parse(r.doc) as MailboxMessage);
  }
}
