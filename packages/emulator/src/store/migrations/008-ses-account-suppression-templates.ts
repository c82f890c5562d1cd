import type { Migration } from '../db.js';

/**
 * SES account-level state, per account + region: the account's sandbox / production access, quotas and
 * details (`ses_accounts`, one JSON doc; no row = the emulator's defaults), every accepted send's
 * recipient counts for the rolling 24-hour quota and the send rate (`ses_send_log`, kept apart from the
 * mailbox so clearing the mailbox does not reset the quota), the account suppression list and the email
 * templates.
 */
export const sesAccountSuppressionTemplates: Migration = {
  id: '008-ses-account-suppression-templates',
  sql: `
    CREATE TABLE ses_accounts (
      account_id TEXT NOT NULL,
      region TEXT NOT NULL,
      doc TEXT NOT NULL,
      PRIMARY KEY (account_id, region)
    );
    CREATE TABLE ses_send_log (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      account_id TEXT NOT NULL,
      region TEXT NOT NULL,
      at INTEGER NOT NULL,
      quota_recipients INTEGER NOT NULL,
      rate_recipients INTEGER NOT NULL
    );
    CREATE INDEX ses_send_log_by_scope_at ON ses_send_log (account_id, region, at);
    CREATE TABLE ses_suppressed_destinations (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      account_id TEXT NOT NULL,
      region TEXT NOT NULL,
      address_key TEXT NOT NULL,
      reason TEXT NOT NULL,
      last_update_time INTEGER NOT NULL,
      doc TEXT NOT NULL,
      UNIQUE (account_id, region, address_key)
    );
    CREATE TABLE ses_email_templates (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      account_id TEXT NOT NULL,
      region TEXT NOT NULL,
      name TEXT NOT NULL,
      doc TEXT NOT NULL,
      UNIQUE (account_id, region, name)
    );
  `,
};
