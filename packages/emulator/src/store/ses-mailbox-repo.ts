import type { Db } from './db.js';
import type { MailboxMessage, Scope, VerificationMail } from './ses-records.js';

/** The full message a stored verification email stands for (the SES model's wording). */
export type RenderVerificationMail = (mail: VerificationMail) => MailboxMessage;

interface Row {
  id: string;
  account_id: string;
  region: string;
  kind: MailboxMessage['kind'];
  source: string;
  timestamp: number;
  doc: string;
}

/** What a verification email's `doc` holds (see `VerificationMail`). */
interface VerificationDoc {
  verification: { address: string; link: string };
}

const COLUMNS = 'id, account_id, region, kind, source, timestamp, doc';

/**
 * Every message the emulator "sent": SendEmail captures and SES's own verification emails.
 *
 * Row format: the columns hold the id, account, Region, kind, source and timestamp, and `doc` the rest
 * of the message as JSON (not those fields again). A verification email's `doc` is only
 * `{"verification":{"address","link"}}`; `render` turns it back into the message it was. Rows written
 * before this format (a `doc` with the whole message, columns included) read as they always did.
 */
export class SesMailboxRepo {
  constructor(
    private readonly db: Db,
    private readonly render: RenderVerificationMail,
  ) {}

  insert(message: MailboxMessage): void {
    const { id, accountId, region, kind, source, timestamp, ...rest } = message;
    this.write(id, { accountId, region }, kind, source, timestamp, JSON.stringify(rest));
  }

  /** A verification email, kept as the parts that vary (see `VerificationMail`). */
  insertVerification(mail: VerificationMail): void {
    const doc: VerificationDoc = { verification: { address: mail.address, link: mail.link } };
    this.write(mail.id, mail, 'verification', mail.source, mail.timestamp, JSON.stringify(doc));
  }

  private write(
    id: string,
    scope: Scope,
    kind: MailboxMessage['kind'],
    source: string,
    timestamp: number,
    doc: string,
  ): void {
    this.db
      .prepare(
        'INSERT INTO ses_mailbox (id, account_id, region, kind, source, timestamp, doc) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(id, scope.accountId, scope.region, kind, source, timestamp, doc);
  }

  private message(row: Row): MailboxMessage {
    const doc = JSON.parse(row.doc) as Partial<MailboxMessage> & Partial<VerificationDoc>;
    if (row.kind === 'verification' && doc.verification !== undefined) {
      return this.render({
        id: row.id,
        accountId: row.account_id,
        region: row.region,
        source: row.source,
        address: doc.verification.address,
        link: doc.verification.link,
        timestamp: row.timestamp,
      });
    }
    return {
      ...(doc as MailboxMessage),
      id: row.id,
      accountId: row.account_id,
      region: row.region,
      kind: row.kind,
      source: row.source,
      timestamp: row.timestamp,
    };
  }

  /** All messages in capture order, optionally only the one with `id`. */
  list(id?: string): MailboxMessage[] {
    const rows = this.db
      .prepare(`SELECT ${COLUMNS} FROM ses_mailbox WHERE (? IS NULL OR id = ?) ORDER BY seq`)
      .all(id ?? null, id ?? null) as Row[];
    return rows.map((r) => this.message(r));
  }

  /** Deletes one message (`id`) or all; returns how many went. */
  delete(id?: string): number {
    return this.db.prepare('DELETE FROM ses_mailbox WHERE (? IS NULL OR id = ?)').run(id ?? null, id ?? null)
      .changes;
  }

  /** Messages sent by an account in a region since `sinceMs`, in send order (GetSendStatistics). */
  listSentSince(scope: Scope, sinceMs: number): MailboxMessage[] {
    const rows = this.db
      .prepare(
        `SELECT ${COLUMNS} FROM ses_mailbox WHERE account_id = ? AND region = ? AND kind = 'sent' AND timestamp > ? ORDER BY seq`,
      )
      .all(scope.accountId, scope.region, sinceMs) as Row[];
    return rows.map((r) => this.message(r));
  }
}
