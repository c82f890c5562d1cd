import type { VerificationMode } from '../../../core.js';
import type { DnsView } from '../../../dns/dns-view.js';
import type { SesStore } from '../../../store/ses-store.js';

/** What the SES v2 model needs from the outside world. */
export interface ModelContext {
  store: SesStore;
  dns: DnsView;
  mode: () => VerificationMode;
  /** Whether accounts without their own setting are in the SES sandbox (EMULATOR_SANDBOX). */
  sandbox?: () => boolean;
  /** Emulator clock, epoch ms. */
  now: () => number;
  /** Base URL for links in emails (known once the server listens). */
  publicUrl: () => string;
}

export const LIMITS = {
  identitiesPerRegion: 10_000,
  configurationSetsPerRegion: 10_000,
  policiesPerIdentity: 20,
  policyBytes: 4096,
  recipientsPerMessage: 50,
  tagsPerResource: 50,
  templatesPerRegion: 20_000,
  bulkEntriesPerRequest: 50,
};
