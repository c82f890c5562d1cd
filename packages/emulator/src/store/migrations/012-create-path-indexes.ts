import type { Migration } from '../db.js';

/**
 * Indexes every CreateEmailIdentity paid for and no query used (each dirtied index pages that every
 * commit writes to the WAL; measured under wrk, in WAL pages per create):
 *
 * - `ses_identities_by_account_name` (migration 007), meant for the identities of one name in every
 *   Region of an account (a DEED parent and its replicas): SQLite's planner preferred
 *   `ses_identities_by_scope_seq` for that query (it gives the Region order) and scanned the account.
 *   `SesIdentityRepo.inAllRegions` now looks the name up in each Region the account has identities
 *   in (the `ses_identity_counts` rows of migration 011) through the (account, Region, name) key.
 *   0.67 pages per create.
 * - `ses_mailbox_sent` (account, kind, timestamp) also indexed every verification email, which no
 *   query reads by time; the only reader (GetSendStatistics: one account + Region's sent mail since a
 *   time) now has a partial index of sent mail alone, with the Region in the key. 0.3 pages per create.
 */
export const createPathIndexes: Migration = {
  id: '012-create-path-indexes',
  sql: `
    DROP INDEX ses_identities_by_account_name;
    DROP INDEX ses_mailbox_sent;
    CREATE INDEX ses_mailbox_sent_by_scope ON ses_mailbox (account_id, region, timestamp) WHERE kind = 'sent';
  `,
};
