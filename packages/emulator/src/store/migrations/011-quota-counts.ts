import type { Migration } from '../db.js';

/**
 * What the two per-request quota checks read, made cheap.
 *
 * The number of identities per account + Region, kept by triggers on `ses_identities`, so that
 * CreateEmailIdentity checks the 10,000-per-Region quota with one row read instead of `COUNT(*)` over
 * the Region (O(n): with the Region filling, 16% of a create's CPU in a profile under load). Triggers
 * rather than repository code, so every write path (API, seeding, reset, a future bulk path) keeps it
 * right; a Region with no identities has no row. Backfilled from the rows already stored.
 *
 * SendEmail sums the recipients sent in the last 24 hours (and 10 seconds) from `ses_send_log`: a scan
 * of every send in the window (24-33% of a SendEmail's CPU under wrk after a few thousand sends, growing
 * with the day's sends). Each row now also carries the running totals of its account + Region in
 * (at, seq) order (`cum_quota`, `cum_rate`, kept by `SesAccountRepo.logSend`), so a window's sum is
 * the difference of two index seeks. Backfilled; the new index replaces the old (account_id, region,
 * at) one, its prefix.
 */
export const quotaCounts: Migration = {
  id: '011-quota-counts',
  sql: `
    CREATE TABLE ses_identity_counts (
      account_id TEXT NOT NULL,
      region TEXT NOT NULL,
      n INTEGER NOT NULL,
      PRIMARY KEY (account_id, region)
    ) WITHOUT ROWID;
    INSERT INTO ses_identity_counts (account_id, region, n)
      SELECT account_id, region, COUNT(*) FROM ses_identities GROUP BY account_id, region;
    CREATE TRIGGER ses_identity_counts_insert AFTER INSERT ON ses_identities BEGIN
      INSERT INTO ses_identity_counts (account_id, region, n) VALUES (NEW.account_id, NEW.region, 1)
        ON CONFLICT (account_id, region) DO UPDATE SET n = n + 1;
    END;
    CREATE TRIGGER ses_identity_counts_delete AFTER DELETE ON ses_identities BEGIN
      UPDATE ses_identity_counts SET n = n - 1 WHERE account_id = OLD.account_id AND region = OLD.region;
      DELETE FROM ses_identity_counts WHERE account_id = OLD.account_id AND region = OLD.region AND n <= 0;
    END;
    CREATE TRIGGER ses_identity_counts_move AFTER UPDATE OF account_id, region ON ses_identities
      WHEN OLD.account_id IS NOT NEW.account_id OR OLD.region IS NOT NEW.region BEGIN
      UPDATE ses_identity_counts SET n = n - 1 WHERE account_id = OLD.account_id AND region = OLD.region;
      DELETE FROM ses_identity_counts WHERE account_id = OLD.account_id AND region = OLD.region AND n <= 0;
      INSERT INTO ses_identity_counts (account_id, region, n) VALUES (NEW.account_id, NEW.region, 1)
        ON CONFLICT (account_id, region) DO UPDATE SET n = n + 1;
    END;
    ALTER TABLE ses_send_log ADD COLUMN cum_quota INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE ses_send_log ADD COLUMN cum_rate INTEGER NOT NULL DEFAULT 0;
    UPDATE ses_send_log SET cum_quota = totals.q, cum_rate = totals.r FROM (
      SELECT seq,
        SUM(quota_recipients) OVER (PARTITION BY account_id, region ORDER BY at, seq) AS q,
        SUM(rate_recipients) OVER (PARTITION BY account_id, region ORDER BY at, seq) AS r
      FROM ses_send_log
    ) AS totals WHERE ses_send_log.seq = totals.seq;
    CREATE INDEX ses_send_log_totals ON ses_send_log (account_id, region, at, seq, cum_quota, cum_rate);
    DROP INDEX ses_send_log_by_scope_at;
  `,
};
