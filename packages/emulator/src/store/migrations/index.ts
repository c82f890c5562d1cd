import type { Migration } from '../db.js';
import { meta } from './001-meta.js';
import { sesv2 } from './002-sesv2.js';
import { route53 } from './003-route53.js';
import { identityListIndex } from './004-identity-list-index.js';
import { notificationsSns } from './005-notifications-sns.js';
import { identityNameIndex } from './007-identity-name-index.js';
import { sesAccountSuppressionTemplates } from './008-ses-account-suppression-templates.js';
import { route53Tags } from './009-route53-tags.js';
import { stsCredentials } from './010-sts-credentials.js';
import { quotaCounts } from './011-quota-counts.js';
import { createPathIndexes } from './012-create-path-indexes.js';
import { sendPathRowids } from './013-send-path-rowids.js';
import { identityMailFromDomain } from './014-identity-mail-from-domain.js';

/** Every schema migration, one module each; add new ones at the end. */
export const migrations: Migration[] = [
  meta,
  sesv2,
  route53,
  identityListIndex,
  notificationsSns,
  identityNameIndex,
  sesAccountSuppressionTemplates,
  route53Tags,
  stsCredentials,
  quotaCounts,
  createPathIndexes,
  sendPathRowids,
  identityMailFromDomain,
];
