import { type Db, inTransaction } from './db.js';
import { SesAccountRepo } from './ses-account-repo.js';
import { SesConfigurationSetRepo } from './ses-configuration-set-repo.js';
import { SesIdentityRepo } from './ses-identity-repo.js';
import { type RenderVerificationMail, SesMailboxRepo } from './ses-mailbox-repo.js';
import { SesNotificationRepo } from './ses-notification-repo.js';
import { SesPolicyRepo } from './ses-policy-repo.js';
import { SesSuppressionRepo } from './ses-suppression-repo.js';
import { SesTagRepo } from './ses-tag-repo.js';
import { SesTemplateRepo } from './ses-template-repo.js';
import { SesVerificationTokenRepo } from './ses-verification-token-repo.js';
import { StoreReadCache } from './store-generation.js';

/** Every SES repository over one database, plus a way to make several writes atomic. */
export interface SesStore {
  identities: SesIdentityRepo;
  policies: SesPolicyRepo;
  tags: SesTagRepo;
  configurationSets: SesConfigurationSetRepo;
  mailbox: SesMailboxRepo;
  tokens: SesVerificationTokenRepo;
  /** Feedback-notification settings (topics, headers) per identity. */
  notifications: SesNotificationRepo;
  accounts: SesAccountRepo;
  suppression: SesSuppressionRepo;
  templates: SesTemplateRepo;
  /** Runs `work` in one SQLite transaction (nested calls join the outer one). */
  transaction<T>(work: () => T): T;
  /**
   * A cache of answers read from this store, dropped by any write to it (`StoreReadCache`); at most
   * `maxEntries` (the cache's default when omitted).
   */
  readCache<V>(maxEntries?: number): StoreReadCache<V>;
}

/** `renderVerificationMail`: the SES model's wording of a stored verification email (see `SesMailboxRepo`). */
export function createSesStore(db: Db, renderVerificationMail: RenderVerificationMail): SesStore {
  return {
    identities: new SesIdentityRepo(db),
    policies: new SesPolicyRepo(db),
    tags: new SesTagRepo(db),
    configurationSets: new SesConfigurationSetRepo(db),
    mailbox: new SesMailboxRepo(db, renderVerificationMail),
    tokens: new SesVerificationTokenRepo(db),
    notifications: new SesNotificationRepo(db),
    accounts: new SesAccountRepo(db),
    suppression: new SesSuppressionRepo(db),
    templates: new SesTemplateRepo(db),
    transaction: (work) => inTransaction(db, work),
    readCache: (maxEntries) => new StoreReadCache(db, maxEntries),
  };
}
