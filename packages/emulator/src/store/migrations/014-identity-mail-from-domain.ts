import type { Migration } from '../db.js';

/**
 * A Route 53 change batch re-checks only the identities whose checks look up a name it wrote
 * (`SesIdentityRepo.listNeedingChecksAt`), not every identity of the account. A domain's DKIM and
 * `_amazonses` names lie below the domain's own name, so those identities are found by name; a
 * custom MAIL FROM domain may belong to an address, whose name says nothing of it, and lived only in
 * the JSON document. This column holds it (NULL without one; `SesIdentityRepo.insert` and `update`
 * keep it equal to the document), and a partial index makes the look-up a seek while identities
 * without a MAIL FROM domain (nearly all) add no index entry to a create. Backfilled.
 */
export const identityMailFromDomain: Migration = {
  id: '014-identity-mail-from-domain',
  sql: `
    ALTER TABLE ses_identities ADD COLUMN mail_from_domain TEXT;
    UPDATE ses_identities SET mail_from_domain = json_extract(doc, '$.mailFrom.domain')
      WHERE json_extract(doc, '$.mailFrom.domain') IS NOT NULL;
    CREATE INDEX ses_identities_by_mail_from ON ses_identities (account_id, mail_from_domain)
      WHERE mail_from_domain IS NOT NULL;
  `,
};
