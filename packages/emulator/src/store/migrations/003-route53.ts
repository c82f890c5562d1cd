import type { Migration } from '../db.js';

/** Route 53: hosted zones, their record sets and submitted changes, all scoped to an account. */
export const route53: Migration = {
  id: '003-route53',
  sql: `
    CREATE TABLE r53_hosted_zones (
      id TEXT PRIMARY KEY,
      account_id TEXT NOT NULL,
      name TEXT NOT NULL,
      caller_reference TEXT NOT NULL,
      comment TEXT,
      private_zone INTEGER NOT NULL,
      vpcs_json TEXT NOT NULL,
      name_servers_json TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE INDEX r53_hosted_zones_by_account ON r53_hosted_zones (account_id, name);

    -- Caller references stay taken after their zone is deleted (CreateHostedZone idempotency).
    CREATE TABLE r53_caller_references (
      account_id TEXT NOT NULL,
      caller_reference TEXT NOT NULL,
      PRIMARY KEY (account_id, caller_reference)
    );

    CREATE TABLE r53_record_sets (
      zone_id TEXT NOT NULL REFERENCES r53_hosted_zones (id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      type TEXT NOT NULL,
      set_identifier TEXT NOT NULL DEFAULT '',
      record_json TEXT NOT NULL,
      PRIMARY KEY (zone_id, name, type, set_identifier)
    );

    CREATE TABLE r53_changes (
      id TEXT PRIMARY KEY,
      account_id TEXT NOT NULL,
      submitted_at TEXT NOT NULL,
      comment TEXT
    );
  `,
};
