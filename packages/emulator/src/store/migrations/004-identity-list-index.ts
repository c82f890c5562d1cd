import type { Migration } from '../db.js';

/**
 * ListEmailIdentities reads a region's identities in `seq` order after a token. With only the
 * (account_id, region, name) key, SQLite sorted the whole region in a temporary B-tree for every
 * page (53 ms for the first 1000 of 10,000); this index makes each page a range scan.
 */
export const identityListIndex: Migration = {
  id: '004-identity-list-index',
  sql: 'CREATE INDEX ses_identities_by_scope_seq ON ses_identities (account_id, region, seq);',
};
