import type { Migration } from '../db.js';

/**
 * SES v2 state, per account + region. Identities and configuration sets keep their full model record
 * as JSON (`doc`) next to the columns the queries filter and order on; `seq` gives the stable
 * creation order that pagination tokens point into.
 */
export const sesv2: Migration = {
  id: '002-sesv2',
  sql: `
    CREATE TABLE ses_identities (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      account_id TEXT NOT NULL,
      region TEXT NOT NULL,
      name TEXT NOT NULL,
      type TEXT NOT NULL,
      verification_status TEXT NOT NULL,
      doc TEXT NOT NULL,
      UNIQUE (account_id, region, name)
    );
    CREATE TABLE ses_identity_policies (
      account_id TEXT NOT NULL,
      region TEXT NOT NULL,
      identity TEXT NOT NULL,
      name TEXT NOT NULL,
      document TEXT NOT NULL,
      PRIMARY KEY (account_id, region, identity, name)
    );
    CREATE TABLE ses_configuration_sets (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      account_id TEXT NOT NULL,
      region TEXT NOT NULL,
      name TEXT NOT NULL,
      doc TEXT NOT NULL,
      UNIQUE (account_id, region, name)
    );
    CREATE TABLE ses_tags (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      resource_arn TEXT NOT NULL,
      key TEXT NOT NULL,
      value TEXT NOT NULL,
      UNIQUE (resource_arn, key)
    );
    CREATE TABLE ses_mailbox (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      account_id TEXT NOT NULL,
      region TEXT NOT NULL,
      kind TEXT NOT NULL,
      source TEXT NOT NULL,
      timestamp INTEGER NOT NULL,
      doc TEXT NOT NULL
    );
    CREATE INDEX ses_mailbox_sent ON ses_mailbox (account_id, kind, timestamp);
    CREATE TABLE ses_verification_tokens (
      token TEXT PRIMARY KEY,
      account_id TEXT NOT NULL,
      region TEXT NOT NULL,
      identity TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL,
      used_at INTEGER
    );
  `,
};
