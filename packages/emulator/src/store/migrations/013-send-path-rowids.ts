import type { Migration } from '../db.js';

/**
 * The two tables every SendEmail appends to, `ses_mailbox` and `ses_send_log`, without AUTOINCREMENT.
 *
 * AUTOINCREMENT makes SQLite read and rewrite the table's row in `sqlite_sequence` on every insert, so
 * each group commit of sends wrote one more WAL page (that row's) and each insert did the extra
 * lookup: 2.5–6 µs of CPU per send in a micro-benchmark of the two inserts with commits of three
 * (SQLite on disk, WAL, synchronous=NORMAL). What AUTOINCREMENT adds over a plain `INTEGER PRIMARY KEY`
 * is only that a deleted largest `seq` is never handed out again; neither table shows `seq` to anyone
 * (it orders the mailbox's messages and the send log's same-millisecond rows), and a new row still
 * gets a `seq` above every row present, so every order stays as it was.
 *
 * SQLite cannot drop AUTOINCREMENT in place: each table is rebuilt with its rows and `seq` values as
 * they are, and its indexes made again (`ses_mailbox_sent_by_scope` as migration 012 defines it,
 * `ses_send_log_totals` as migration 011 does).
 */
export const sendPathRowids: Migration = {
  id: '013-send-path-rowids',
  sql: `
    CREATE TABLE ses_mailbox_013 (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      account_id TEXT NOT NULL,
      region TEXT NOT NULL,
      kind TEXT NOT NULL,
      source TEXT NOT NULL,
      timestamp INTEGER NOT NULL,
      doc TEXT NOT NULL
    );
    INSERT INTO ses_mailbox_013 (seq, id, account_id, region, kind, source, timestamp, doc)
      SELECT seq, id, account_id, region, kind, source, timestamp, doc FROM ses_mailbox;
    DROP TABLE ses_mailbox;
    ALTER TABLE ses_mailbox_013 RENAME TO ses_mailbox;
    CREATE INDEX ses_mailbox_sent_by_scope ON ses_mailbox (account_id, region, timestamp) WHERE kind = 'sent';

    CREATE TABLE ses_send_log_013 (
      seq INTEGER PRIMARY KEY,
      account_id TEXT NOT NULL,
      region TEXT NOT NULL,
      at INTEGER NOT NULL,
      quota_recipients INTEGER NOT NULL,
      rate_recipients INTEGER NOT NULL,
      cum_quota INTEGER NOT NULL DEFAULT 0,
      cum_rate INTEGER NOT NULL DEFAULT 0
    );
    INSERT INTO ses_send_log_013
      (seq, account_id, region, at, quota_recipients, rate_recipients, cum_quota, cum_rate)
      SELECT seq, account_id, region, at, quota_recipients, rate_recipients, cum_quota, cum_rate
      FROM ses_send_log;
    DROP TABLE ses_send_log;
    ALTER TABLE ses_send_log_013 RENAME TO ses_send_log;
    CREATE INDEX ses_send_log_totals ON ses_send_log (account_id, region, at, seq, cum_quota, cum_rate);

    DELETE FROM sqlite_sequence WHERE name IN ('ses_mailbox', 'ses_send_log');
  `,
};
