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
  /**
   * Domains only: the DKIM SES signs with (Easy DKIM or BYODKIM). Absent for a domain SES v1's
   * VerifyDomainIdentity created (DKIM NOT_STARTED until VerifyDomainDkim); an address reports its
   * parent domain's DKIM.
   */
  dkim?: DkimState;
  /**
   * Domains only, once SES v1's VerifyDomainIdentity was called: the token SES looks for in the TXT
   * record `_amazonses.<domain>`, the second way (beside DKIM) a domain verifies.
   */
  verificationToken?: string;
  mailFrom: MailFromState;
  feedbackForwarding: boolean;
  configurationSetName?: string;
}

/** The feedback types SES can publish to an identity's SNS topics (SES v1 `NotificationType`). */
export type NotificationType = 'Bounce' | 'Complaint' | 'Delivery';

/**
 * An identity's feedback-notification settings (SES v1 SetIdentityNotificationTopic /
 * SetIdentityHeadersInNotificationsEnabled). The forwarding flag is not here: it is the identity's
 * `feedbackForwarding`, which SES v2 reads and writes too.
 */
export interface NotificationSettingsRecord extends Scope {
  identity: string;
  /** Topic ARN per type; absent when the type publishes nowhere. */
  topics: Partial<Record<NotificationType, string>>;
  /** Whether notifications of the type carry the original `headers` / `commonHeaders`. */
  headers: Record<NotificationType, boolean>;
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
  /**
   * `sent` by SendEmail; emails the emulated services send themselves: SES's `verification` emails,
   * `feedback` forwarded to the sender (bounces, complaints), the simulator's `auto-reply`, and SNS's
   * `notification` emails to email subscribers.
   */
  kind: 'sent' | 'verification' | 'feedback' | 'auto-reply' | 'notification';
  source: string;
  destination: { ToAddresses: string[]; CcAddresses: string[]; BccAddresses: string[] };
  subject?: string;
  textPart?: string;
  htmlPart?: string;
  rawData?: string;
  configurationSetName?: string;
  /** Templated mail: the template's name and the data it was rendered with (JSON text). */
  templateName?: string;
  templateData?: string;
  /** Why rendering the template failed: SES accepted the message but did not deliver it. */
  renderingFailure?: string;
  /** Each recipient's fate as Delivery decided it (delivered, bounced, complained, auto-replied). */
  deliveries?: Array<{
    kind: string;
    recipient: string;
    bounceType?: string;
    bounceSubType?: string;
  }>;
  timestamp: number;
}

/**
 * A verification email as the mailbox keeps it: only what differs from one to the next (the address,
 * the link with its token); the rest of the message (subject, text, HTML) is the same text for every
 * address in a Region, so the SES model renders it again when the mailbox is read
 * (`SesMailboxRepo`'s `render`). A full copy per email made the mailbox row about 2.4 KB, most of
 * CreateEmailIdentity's writes.
 */
export interface VerificationMail extends Scope {
  id: string;
  source: string;
  /** The address being verified: the message's only recipient. */
  address: string;
  /** The link as it was sent (the emulator's public URL then, and the token). */
  link: string;
  timestamp: number;
}

/** The account's SES state in one region (sandbox, quotas, sending, suppression, details). */
export interface AccountRecord extends Scope {
  productionAccessEnabled: boolean;
  sendingEnabled: boolean;
  /** Recipients per rolling 24 h; -1 = unlimited. */
  max24HourSend: number;
  /** Recipients per second. */
  maxSendRate: number;
  /** Reasons that put an address on the account suppression list automatically. */
  suppressedReasons: Array<'BOUNCE' | 'COMPLAINT'>;
  /** PutAccountDetails' request, with its review. */
  details?: {
    MailType: 'MARKETING' | 'TRANSACTIONAL';
    WebsiteURL: string;
    ContactLanguage?: 'EN' | 'JA';
    UseCaseDescription?: string;
    AdditionalContactEmailAddresses?: string[];
    ReviewDetails?: { Status: 'PENDING' | 'FAILED' | 'GRANTED' | 'DENIED'; CaseId: string };
  };
}

/** One accepted send: how many recipients count against the 24-hour quota and against the rate. */
export interface SendLogEntry extends Scope {
  at: number;
  quotaRecipients: number;
  rateRecipients: number;
}

export interface SuppressedDestinationRecord extends Scope {
  emailAddress: string;
  reason: 'BOUNCE' | 'COMPLAINT';
  lastUpdateTime: number;
  messageId?: string;
  feedbackId?: string;
}

export interface EmailTemplateRecord extends Scope {
  name: string;
  subject?: string;
  text?: string;
  html?: string;
  createdAt: number;
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
