import { randomUUID } from 'node:crypto';
import type { AccountRecord, Scope } from '../../../store/ses-records.js';
import type { ModelContext } from './context.js';
import {
  BadRequestException,
  ConflictException,
  LimitExceededException,
  missingField,
  SendingPausedException,
  TooManyRequestsException,
  validationError,
} from './errors.js';
import { isValidEmailAddress } from './names.js';

/** AWS's sandbox quota: 200 recipients per rolling 24 h, 1 per second. */
export const SANDBOX_QUOTA = { max24HourSend: 200, maxSendRate: 1 } as const;
/** What AWS usually grants with production access (the fact sheets' example): 50,000 / 24 h, 14 / s. */
export const PRODUCTION_QUOTA = { max24HourSend: 50_000, maxSendRate: 14 } as const;
const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * The send rate is averaged over this window. AWS documents that the maximum send rate "can be exceeded
 * briefly" without saying how far [inf]: a send is refused once the recipients of the last 10 s reached
 * 10 × MaxSendRate, so a single message (up to 50 recipients) always goes out after a quiet spell and a
 * loop that keeps sending faster than the rate is throttled.
 */
export const RATE_WINDOW_MS = 10_000;

const SUPPRESSION_REASONS = ['BOUNCE', 'COMPLAINT'] as const;
type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

/** The numbers behind GetAccount's SendQuota and SES v1's GetSendQuota (one home for both). */
export interface SendQuota {
  /** -1 = unlimited. */
  max24HourSend: number;
  maxSendRate: number;
  /** Recipients (To + Cc + Bcc, not mailbox-simulator addresses) over the rolling 24 h. */
  sentLast24Hours: number;
}

/** What the control plane (`POST /_emulator/account`) may change: AWS's review outcome and quota increases. */
export interface AccountGrant {
  productionAccess?: boolean;
  max24HourSend?: number;
  maxSendRate?: number;
}

export interface AccountDetailsInput {
  mailType?: string;
  websiteUrl?: string;
  contactLanguage?: string;
  useCaseDescription?: string;
  additionalContactEmailAddresses?: string[];
  productionAccessEnabled?: boolean;
}

export function parseSuppressionReasons(value: unknown, field: string): SuppressionReason[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw validationError(field, 'Member must be a list');
  for (const reason of value) {
    if (!(SUPPRESSION_REASONS as readonly unknown[]).includes(reason)) {
      throw validationError(field, 'Member must satisfy enum value set: [BOUNCE, COMPLAINT]', reason);
    }
  }
  return [...new Set(value as SuppressionReason[])];
}

/**
 * The account in one region: sandbox or production access, the sending quota and its use, account-level
 * sending, suppression settings and the production-access request (PutAccountDetails). A region without
 * a stored record has the emulator's defaults (sandbox unless EMULATOR_SANDBOX=off).
 */
export class AccountModel {
  constructor(private readonly ctx: ModelContext) {}

  get(scope: Scope): AccountRecord {
    const stored = this.ctx.store.accounts.get(scope);
    if (stored) return stored;
    const production = this.ctx.sandbox?.() === false;
    return {
      ...scope,
      productionAccessEnabled: production,
      sendingEnabled: true,
      ...(production ? PRODUCTION_QUOTA : SANDBOX_QUOTA),
      // New accounts have the account-level suppression list on for bounces and complaints [inf: the
      // SES console's default settings since account-level suppression was introduced in 2019].
      suppressedReasons: ['BOUNCE', 'COMPLAINT'],
    };
  }

  sendQuota(scope: Scope): SendQuota {
    const account = this.get(scope);
    const now = this.ctx.now();
    return {
      max24HourSend: account.max24HourSend,
      maxSendRate: account.maxSendRate,
      sentLast24Hours: this.ctx.store.accounts.sentBetween(scope, now - DAY_MS, now).quota,
    };
  }

  /**
   * Refuses a send the account may not make now: paused sending, the 24-hour quota (`quotaRecipients`
   * more would exceed it) or the send rate (the window is already full); else counts it (inside the
   * caller's transaction). SES v1 answers both quota errors as `Throttling`; v2 declares
   * TooManyRequestsException for the rate and LimitExceededException for the quota [inf: the v2
   * model's SendEmail errors; messages as the developer guide prints them]. `account` is `get(scope)`
   * when the caller has it already. The checks and the log share the totals up to now (one seek).
   */
  admitSend(
    scope: Scope,
    quotaRecipients: number,
    rateRecipients: number,
    account: AccountRecord = this.get(scope),
  ): void {
    if (!account.sendingEnabled) {
      throw new SendingPausedException('Sending is paused for this account.');
    }
    const now = this.ctx.now();
    const sends = this.ctx.store.accounts;
    const upToNow = sends.totalsAt(scope, now);
    // A window's sum is at most the totals up to now (counts are never negative): while those are
    // within a limit, the window cannot exceed it and its start needs no seek.
    // The day's sum only when a quota applies (max24HourSend -1 is unlimited) and the send counts.
    if (
      account.max24HourSend >= 0 &&
      quotaRecipients > 0 &&
      upToNow.quota + quotaRecipients > account.max24HourSend &&
      sends.sentSince(scope, now - DAY_MS, upToNow).quota + quotaRecipients > account.max24HourSend
    ) {
      throw new LimitExceededException('Daily message quota exceeded.');
    }
    const rateLimit = account.maxSendRate * (RATE_WINDOW_MS / 1000);
    if (
      upToNow.rate >= rateLimit &&
      sends.sentSince(scope, now - RATE_WINDOW_MS, upToNow).rate >= rateLimit
    ) {
      throw new TooManyRequestsException('Maximum sending rate exceeded.');
    }
    const entry = {
      accountId: scope.accountId,
      region: scope.region,
      at: now,
      quotaRecipients,
      rateRecipients,
    };
    sends.logSend(entry, upToNow);
  }

  putSendingEnabled(scope: Scope, enabled: boolean): void {
    this.ctx.store.transaction(() => {
      this.ctx.store.accounts.put({ ...this.get(scope), sendingEnabled: enabled });
    });
  }

  putSuppressedReasons(scope: Scope, reasons: unknown): void {
    const parsed = parseSuppressionReasons(reasons, 'suppressedReasons');
    this.ctx.store.transaction(() => {
      this.ctx.store.accounts.put({ ...this.get(scope), suppressedReasons: parsed });
    });
  }

  /**
   * PutAccountDetails: the production-access request. With ProductionAccessEnabled the review is
   * PENDING until the control plane grants or denies it; a second request while one is pending is a
   * ConflictException, as the API reference declares it.
   */
  putDetails(scope: Scope, input: AccountDetailsInput): void {
    if (input.mailType === undefined) throw missingField('mailType');
    if (input.mailType !== 'MARKETING' && input.mailType !== 'TRANSACTIONAL') {
      throw validationError(
        'mailType',
        'Member must satisfy enum value set: [MARKETING, TRANSACTIONAL]',
        input.mailType,
      );
    }
    if (input.websiteUrl === undefined) throw missingField('websiteURL');
    if (input.websiteUrl.length < 1 || input.websiteUrl.length > 1000) {
      throw validationError('websiteURL', 'Member must have length between 1 and 1000', input.websiteUrl);
    }
    const language = input.contactLanguage;
    if (language !== undefined && language !== 'EN' && language !== 'JA') {
      throw validationError('contactLanguage', 'Member must satisfy enum value set: [EN, JA]', language);
    }
    if (input.useCaseDescription !== undefined && input.useCaseDescription.length > 5000) {
      throw validationError('useCaseDescription', 'Member must have length less than or equal to 5000');
    }
    const contacts = input.additionalContactEmailAddresses;
    if (contacts !== undefined) {
      if (contacts.length < 1 || contacts.length > 4) {
        throw validationError('additionalContactEmailAddresses', 'Member must have length between 1 and 4');
      }
      const bad = contacts.find((address) => !isValidEmailAddress(address));
      if (bad !== undefined) {
        throw new BadRequestException(`Invalid email address ${bad} in AdditionalContactEmailAddresses.`);
      }
    }
    this.ctx.store.transaction(() => {
      const account = this.get(scope);
      if (account.details?.ReviewDetails?.Status === 'PENDING') {
        throw new ConflictException('There is already an ongoing account details update under review.');
      }
      const review =
        input.productionAccessEnabled && !account.productionAccessEnabled
          ? { Status: 'PENDING' as const, CaseId: randomUUID() }
          : account.details?.ReviewDetails;
      this.ctx.store.accounts.put({
        ...account,
        details: {
          MailType: input.mailType as 'MARKETING' | 'TRANSACTIONAL',
          WebsiteURL: input.websiteUrl as string,
          ...(language ? { ContactLanguage: language as 'EN' | 'JA' } : {}),
          ...(input.useCaseDescription ? { UseCaseDescription: input.useCaseDescription } : {}),
          ...(contacts ? { AdditionalContactEmailAddresses: contacts } : {}),
          ...(review ? { ReviewDetails: review } : {}),
        },
      });
    });
  }

  /**
   * The control plane's stand-in for AWS's review: production access granted (a pending review becomes
   * GRANTED; the quota becomes production's unless given) or taken back (the sandbox and its quota; a
   * pending review becomes DENIED). Quotas alone may be raised too, like a granted increase request.
   */
  grant(scope: Scope, grant: AccountGrant): AccountRecord {
    return this.ctx.store.transaction(() => {
      const account = this.get(scope);
      const next: AccountRecord = { ...account };
      if (
        grant.productionAccess !== undefined &&
        grant.productionAccess !== account.productionAccessEnabled
      ) {
        next.productionAccessEnabled = grant.productionAccess;
        Object.assign(next, grant.productionAccess ? PRODUCTION_QUOTA : SANDBOX_QUOTA);
      }
      const pending = account.details?.ReviewDetails;
      if (grant.productionAccess !== undefined && account.details && pending?.Status === 'PENDING') {
        next.details = {
          ...account.details,
          ReviewDetails: { ...pending, Status: grant.productionAccess ? 'GRANTED' : 'DENIED' },
        };
      }
      if (grant.max24HourSend !== undefined) next.max24HourSend = grant.max24HourSend;
      if (grant.maxSendRate !== undefined) next.maxSendRate = grant.maxSendRate;
      this.ctx.store.accounts.put(next);
      return next;
    });
  }
}
