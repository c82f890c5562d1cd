import type {
  BehaviorOnMxFailure,
  DkimSigningKeyLength,
  IdentityType,
  VerificationError,
  VerificationStatus,
} from '@aws-sdk/client-sesv2';

/**
 * The SES records as the store keeps them (identities, configuration sets, tags, captured mail,
 * verification tokens): one home for the shapes that the repositories persist and the SES model
 * (`services/ses/model/`), shared by every SES API version, reads and writes. Status values are typed
 * with `import type` from the SDK; nothing here imports from the services above the store.
 */

/** Where SES state lives: per account and region. */
export interface Scope {
  accountId: string;
  region: string;
}

/**
 * One status machine (identity verification, DKIM or MAIL FROM), all times in epoch ms on the
 * emulator clock. Changed only through the declared transitions in `services/ses/verification/transitions.ts`.
 */
export interface StatusTrack {
  status: VerificationStatus;
  /** When the current search started (create, restart, or the loss of records for TEMPORARY_FAILURE). */
  startedAt?: number;
  lastCheckedAt?: number;
  lastSuccessAt?: number;
  /** Why the last check failed; cleared on success. */
  errorType?: VerificationError;
}

export interface DkimState {
  signingEnabled: boolean;
  origin: 'AWS_SES' | 'EXTERNAL';
  track: StatusTrack;
  /** Easy DKIM: the 3 tokens; BYODKIM: `[selector]`. */
  tokens: string[];
  /** BYODKIM only: the private key as given (base64 DER), never returned. */
  privateKey?: string;
  nextKeyLength?: DkimSigningKeyLength;
  currentKeyLength?: DkimSigningKeyLength;
  lastKeyGenerationAt?: number;
  /** Last time a key-length change was accepted (the once-per-24-h rule). */
  keyLengthChangedAt?: number;
  /** The first downgrade to 1024 bit is exempt from the 24-h rule, once. */
  downgradeExemptionUsed?: boolean;
  /**
   * Deterministic Easy DKIM replica: the Region of the parent identity (same account, same name) whose
   * key, tokens and hosted zone this identity uses; reported as `SigningAttributesOrigin`
   * `AWS_SES_<REGION>`. `origin` stays `AWS_SES` (the key is an Easy DKIM key). A replica whose
   * replication failed has no tokens and FAILED tracks with a `REPLICATION_*` error type.
   */
  parentRegion?: string;
}

export interface MailFromState {
  domain?: string;
  behaviorOnMxFailure: BehaviorOnMxFailure;
  track?: StatusTrack;
}

export interface IdentityRecord extends Scope {
  name: string;
  type: Extract<IdentityType, 'EMAIL_ADDRESS' | 'DOMAIN'>;
  createdAt: number;
  verification: StatusTrack;
  /** Present for domains only; an address reports its parent domain's DKIM. */
  dkim?: DkimState;
  mailFrom: MailFromState;
  feedbackForwarding: boolean;
  configurationSetName?: string;
}

export interface ConfigurationSetRecord extends Scope {
  name: string;
  createdAt: number;
  /** The option objects as given on create (TrackingOptions, DeliveryOptions, …), echoed by Get. */
  options: Record<string, unknown>;
}

export interface TagRecord {
  Key: string;
  Value: string;
}

export interface MailboxMessage extends Scope {
  id: string;
  /** `sent` by SendEmail, or an emulated `verification` email from SES. */
  kind: 'sent' | 'verification';
  source: string;
  destination: { ToAddresses: string[]; CcAddresses: string[]; BccAddresses: string[] };
  subject?: string;
  textPart?: string;
  htmlPart?: string;
  rawData?: string;
  configurationSetName?: string;
  timestamp: number;
}

export interface VerificationToken extends Scope {
  token: string;
  identity: string;
  createdAt: number;
  expiresAt: number;
  usedAt?: number;
}

export interface PageRequest {
  pageSize: number;
  /** Return items created after this sequence number. */
  afterSeq: number;
}

export interface Page<T> {
  items: T[];
  /** Sequence number of the last item when more follow. */
  lastSeq?: number;
}
