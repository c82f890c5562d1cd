import type { Migration } from '../db.js';

/**
 * Deterministic Easy DKIM links identities of the same name across Regions of one account (a parent
 * and its replicas). Finding them by (account_id, name) with only the (account_id, region, name) key
 * would scan the account's identities in every Region; this index makes it a lookup.
 */
export const identityNameIndex: Migration = {
  id: '007-identity-name-index',
  sql: 'CREATE INDEX ses_identities_by_account_name ON ses_identities (account_id, name);',
};
