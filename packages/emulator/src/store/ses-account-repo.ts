import type { Db } from './db.js';
import type { AccountRecord, Scope, SendLogEntry } from './ses-records.js';

/** The running totals of an account + Region's sends up to a time (see `SesAccountRepo.totalsAt`). */
export interface SendTotalsAt {
  atMs: number;
  quota: number;
  rate: number;
  /** Sends were logged later than `atMs` (the clock was set back). */
  later: boolean;
}

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

  /**
   * The running totals up to `atMs` (what `logSend` and the windows of a send start from) and whether
   * sends were logged later than `atMs` (the emulator clock was set back). In the usual case the
   * account + Region's last logged send is not later than `atMs`, so one backward index seek answers
   * both; only a set-back clock needs the second seek.
   */
  totalsAt(scope: Scope, atMs: number): SendTotalsAt {
    const last = this.db
      .prepare(
        `SELECT at, cum_quota AS quota, cum_rate AS rate FROM ses_send_log
         WHERE account_id = ? AND region = ? ORDER BY at DESC, seq DESC LIMIT 1`,
      )
      .get(scope.accountId, scope.region) as { at: number; quota: number; rate: number } | undefined;
    if (!last) return { atMs, quota: 0, rate: 0, later: false };
    if (last.at <= atMs) return { atMs, quota: last.quota, rate: last.rate, later: false };
    return { atMs, ...this.totalsUpTo(scope, atMs), later: true };
  }

  /**
   * Logs a send with the running totals of its account + Region in (at, seq) order (migration 011).
   * The emulator clock can be set back: then the rows already logged later than `at` move up by this
   * send's counts. `known`: `totalsAt(entry, entry.at)` taken in this transaction, so the send's checks
   * and its log share one seek (none then is needed here, nor the update when nothing is later).
   */
  logSend(entry: SendLogEntry, known?: SendTotalsAt): void {
    const before = known?.atMs === entry.at ? known : this.totalsAt(entry, entry.at);
    if (before.later) {
      this.db
        .prepare(
          'UPDATE ses_send_log SET cum_quota = cum_quota + ?, cum_rate = cum_rate + ? WHERE account_id = ? AND region = ? AND at > ?',
        )
        .run(entry.quotaRecipients, entry.rateRecipients, entry.accountId, entry.region, entry.at);
    }
    this.db
      .prepare(
        'INSERT INTO ses_send_log (account_id, region, at, quota_recipients, rate_recipients, cum_quota, cum_rate) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        entry.accountId,
        entry.region,
        entry.at,
        entry.quotaRecipients,
        entry.rateRecipients,
        before.quota + entry.quotaRecipients,
        before.rate + entry.rateRecipients,
      );
  }

  /** Recipients sent after `sinceMs` (and not after `untilMs`): against the quota and against the rate. */
  sentBetween(scope: Scope, sinceMs: number, untilMs: number): { quota: number; rate: number } {
    if (untilMs <= sinceMs) return { quota: 0, rate: 0 };
    return this.sentSince(scope, sinceMs, this.totalsUpTo(scope, untilMs));
  }

  /** Recipients sent after `sinceMs` up to the totals `until` (taken at a later time): one seek. */
  sentSince(
    scope: Scope,
    sinceMs: number,
    until: { quota: number; rate: number },
  ): { quota: number; rate: number } {
    const since = this.totalsUpTo(scope, sinceMs);
    return { quota: until.quota - since.quota, rate: until.rate - since.rate };
  }

  /** The running totals of every send at or before `atMs` (one index seek). */
  private totalsUpTo(scope: Scope, atMs: number): { quota: number; rate: number } {
    const row = this.db
      .prepare(
        `SELECT cum_quota AS quota, cum_rate AS rate FROM ses_send_log
         WHERE account_id = ? AND region = ? AND at <= ? ORDER BY at DESC, seq DESC LIMIT 1`,
      )
      .get(scope.accountId, scope.region, atMs) as { quota: number; rate: number } | undefined;
    return row ?? { quota: 0, rate: 0 };
  }
}
