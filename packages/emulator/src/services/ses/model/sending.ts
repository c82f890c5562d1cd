import { AwsError } from '../../../protocol/aws-error.js';
import type { AccountRecord, IdentityRecord, MailboxMessage, Scope } from '../../../store/ses-records.js';
import type { AccountModel, SendQuota } from './account.js';
import { LIMITS, type ModelContext } from './context.js';
import type { Delivery } from './delivery.js';
import { BadRequestException, MessageRejected, missingField, validationError } from './errors.js';
import { configurationSetNotFound } from './identities.js';
import { isSimulatorAddress } from './mailbox-simulator.js';
import { bareAddress, isValidEmailAddress, senderCandidates } from './names.js';
import {
  parseTemplateData,
  RenderingFailure,
  renderTemplate,
  type TemplateContent,
  type TemplateModel,
} from './templates.js';
import { randomHex } from './time-ordered-ids.js';

export interface TemplateInput {
  name?: string;
  arn?: string;
  /** Inline TemplateContent instead of a stored template. */
  content?: TemplateContent;
  /** TemplateData: a JSON object as text. */
  data?: string;
}

export interface BulkInput {
  fromEmailAddress?: string;
  replyToAddresses?: string[];
  configurationSetName?: string;
  /** DefaultContent.Template: the template and the default TemplateData. */
  defaultTemplate?: TemplateInput;
  entries?: Array<{ destination?: SendInput['destination']; replacementData?: string }>;
}

/** One BulkEmailEntryResult: SES reports each entry's failure as a status, not as the call's error. */
export interface BulkEntryResult {
  status:
    | 'SUCCESS'
    | 'MESSAGE_REJECTED'
    | 'MAIL_FROM_DOMAIN_NOT_VERIFIED'
    | 'CONFIGURATION_SET_NOT_FOUND'
    | 'TEMPLATE_NOT_FOUND'
    | 'ACCOUNT_THROTTLED'
    | 'ACCOUNT_DAILY_QUOTA_EXCEEDED'
    | 'ACCOUNT_SENDING_PAUSED'
    | 'INVALID_PARAMETER'
    | 'FAILED';
  error?: string;
  messageId?: string;
}

const BULK_STATUS: Record<string, BulkEntryResult['status']> = {
  MessageRejected: 'MESSAGE_REJECTED',
  MailFromDomainNotVerifiedException: 'MAIL_FROM_DOMAIN_NOT_VERIFIED',
  NotFoundException: 'CONFIGURATION_SET_NOT_FOUND',
  TooManyRequestsException: 'ACCOUNT_THROTTLED',
  LimitExceededException: 'ACCOUNT_DAILY_QUOTA_EXCEEDED',
  SendingPausedException: 'ACCOUNT_SENDING_PAUSED',
  BadRequestException: 'INVALID_PARAMETER',
};

export interface SendInput {
  fromEmailAddress?: string;
  destination?: { ToAddresses?: string[]; CcAddresses?: string[]; BccAddresses?: string[] };
  replyToAddresses?: string[];
  configurationSetName?: string;
  simple?: { subject?: string; text?: string; html?: string };
  /** Raw MIME message, decoded. */
  raw?: Buffer;
  template?: TemplateInput;
}

const STATISTICS_INTERVAL_MS = 15 * 60 * 1000;
const STATISTICS_WINDOW_MS = 14 * 24 * 60 * 60 * 1000;

/** One 15-minute interval of GetSendStatistics; `timestamp` is the interval's start (epoch ms). */
export interface SendDataPoint {
  timestamp: number;
  deliveryAttempts: number;
  bounces: number;
  complaints: number;
  rejects: number;
}

/**
 * A message id shaped like SES's: `0100` + 12 hex of the send time, a UUID-ish middle, `-000000`. The
 * middle's 16 random bytes come from the pool of `time-ordered-ids` (five `randomBytes` calls per id
 * were 7% of a SendEmail's CPU under wrk); the time prefix keeps ids of a burst next to each other in
 * the mailbox's id index.
 */
export function messageId(now: number): string {
  const time = now.toString(16).padStart(12, '0').slice(-12);
  const r = randomHex(16);
  return `0100${time}-${r.slice(0, 8)}-${r.slice(8, 12)}-${r.slice(12, 16)}-${r.slice(16, 20)}-${r.slice(20)}-000000`;
}

/** The header fields of a raw MIME message, unfolded, in order, names as written. */
export function headerFields(raw: string): Array<{ name: string; value: string }> {
  const end = raw.search(/\r?\n\r?\n/);
  const head = (end === -1 ? raw : raw.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const fields: Array<{ name: string; value: string }> = [];
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) fields.push({ name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() });
  }
  return fields;
}

/** The headers of a raw MIME message (unfolded), lowercase names, the first of each. */
function rawHeaders(raw: Buffer): Map<string, string> {
  const headers = new Map<string, string>();
  for (const { name, value } of headerFields(raw.toString('utf8'))) {
    const key = name.toLowerCase();
    if (!headers.has(key)) headers.set(key, value);
  }
  return headers;
}

function addressList(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((a) => bareAddress(a))
    .filter((a) => a.length > 0);
}

/** The parts of a SendEmail request that the checks below share, once validated. */
interface Validated {
  from: string;
  sender: string;
  headers: Map<string, string>;
  destination: MailboxMessage['destination'];
  recipients: string[];
}

/**
 * SendEmail / SendBulkEmail: validates the message, checks the sender (and, in the sandbox, every
 * recipient that is not a mailbox-simulator address) against verified identities, picks the
 * configuration set, renders a template, enforces the account's quota and send rate, captures the
 * message and hands it to Delivery.
 */
export class SendingModel {
  constructor(
    private readonly ctx: ModelContext,
    private readonly delivery: Delivery,
    private readonly account: AccountModel,
    private readonly templates: TemplateModel,
  ) {}

  send(scope: Scope, input: SendInput): MailboxMessage {
    const kinds = [input.simple, input.raw, input.template].filter((c) => c !== undefined).length;
    if (kinds === 0) throw missingField('content');
    if (kinds > 1) {
      throw new BadRequestException('Content must contain exactly one of Simple, Raw or Template.');
    }
    const valid = this.validate(input);
    if (input.simple && input.simple.subject === undefined) throw missingField('content.simple.subject');
    const templateData = input.template ? parseTemplateData(input.template.data) : undefined;

    const store = this.ctx.store;
    const accepted = store.transaction(() => {
      const account = this.account.get(scope);
      const { configurationSetName, identity } = this.authorise(
        scope,
        account,
        valid,
        input.configurationSetName,
      );
      let content: { subject?: string; text?: string; html?: string } = input.simple ?? {
        subject: valid.headers.get('subject'),
      };
      let renderingFailure: string | undefined;
      let templateName: string | undefined;
      if (input.template) {
        const template = this.templateContent(scope, input.template);
        templateName = template.name;
        try {
          content = renderTemplate(template.content, templateData ?? {});
        } catch (error) {
          if (!(error instanceof RenderingFailure)) throw error;
          renderingFailure = error.message;
          content = { subject: template.content.subject };
        }
      }
      this.count(scope, account, valid.recipients);
      const now = this.ctx.now();
      // Built field by field rather than with spreads (3% of a send's CPU), keys in the same order.
      const message: MailboxMessage = {
        accountId: scope.accountId,
        region: scope.region,
        id: messageId(now),
        kind: 'sent',
        source: valid.from,
        destination: valid.destination,
        subject: content.subject,
        textPart: content.text,
        htmlPart: content.html,
        rawData: input.raw?.toString('utf8'),
        configurationSetName,
      } as MailboxMessage;
      if (templateName) {
        message.templateName = templateName;
        message.templateData = input.template?.data ?? '{}';
      }
      if (renderingFailure) message.renderingFailure = renderingFailure;
      message.timestamp = now;
      // A template that failed to render is accepted but never delivered (SES's Rendering Failure).
      const outcomes = renderingFailure ? [] : this.delivery.outcomesOf(scope, message);
      if (!renderingFailure) message.deliveries = outcomes;
      store.mailbox.insert(message);
      return { message, outcomes, identity };
    });
    if (!accepted.message.renderingFailure) {
      this.delivery.accepted(scope, accepted.message, accepted.outcomes, accepted.identity);
    }
    return accepted.message;
  }

  /**
   * SendBulkEmail: one message per entry, rendered with the default TemplateData overlaid by the
   * entry's ReplacementTemplateData (key by key [inf: the API reference describes the default data as
   * what applies "when replacement data is not specified"]). A template that does not exist fails every
   * entry (TEMPLATE_NOT_FOUND); the rest fail per entry with the status of the rule they broke.
   */
  sendBulk(scope: Scope, input: BulkInput): BulkEntryResult[] {
    if (input.fromEmailAddress === undefined) throw missingField('fromEmailAddress');
    if (input.defaultTemplate === undefined) throw missingField('defaultContent');
    const entries = input.entries;
    if (entries === undefined) throw missingField('bulkEmailEntries');
    if (entries.length === 0) {
      throw validationError('bulkEmailEntries', 'Member must have length greater than or equal to 1');
    }
    if (entries.length > LIMITS.bulkEntriesPerRequest) {
      throw new BadRequestException(
        `BulkEmailEntries has ${entries.length} entries; at most ${LIMITS.bulkEntriesPerRequest} are allowed.`,
      );
    }
    const defaults = parseTemplateData(input.defaultTemplate.data, 'defaultTemplateData');
    if (!input.defaultTemplate.content) {
      try {
        this.templateContent(scope, input.defaultTemplate);
      } catch (error) {
        if (!(error instanceof AwsError) || error.code !== 'NotFoundException') throw error;
        return entries.map(() => ({ status: 'TEMPLATE_NOT_FOUND' as const, error: error.message }));
      }
    }
    return entries.map((entry) => {
      try {
        const replacement = parseTemplateData(entry.replacementData, 'replacementTemplateData');
        const message = this.send(scope, {
          fromEmailAddress: input.fromEmailAddress,
          destination: entry.destination ?? {},
          replyToAddresses: input.replyToAddresses,
          configurationSetName: input.configurationSetName,
          template: { ...input.defaultTemplate, data: JSON.stringify({ ...defaults, ...replacement }) },
        });
        return { status: 'SUCCESS' as const, messageId: message.id };
      } catch (error) {
        if (!(error instanceof AwsError)) throw error;
        return { status: BULK_STATUS[error.code] ?? 'FAILED', error: error.message };
      }
    });
  }

  /** The 24-hour quota and its use (GetAccount's SendQuota; SES v1's GetSendQuota). */
  sendQuota(scope: Scope): SendQuota {
    return this.account.sendQuota(scope);
  }

  private validate(input: SendInput): Validated {
    const headers = input.raw ? rawHeaders(input.raw) : new Map<string, string>();
    const from = input.fromEmailAddress ?? headers.get('from');
    if (from === undefined) {
      // Raw content names its sender in the From header [obs: floci, "verified against real AWS"].
      if (input.raw) throw new BadRequestException("Missing required header 'From'.");
      throw missingField('fromEmailAddress');
    }
    const sender = bareAddress(from);
    if (!isValidEmailAddress(sender)) {
      throw new BadRequestException(
        `Illegal address: FromEmailAddress ${from} is not a valid email address.`,
      );
    }
    const destination = {
      ToAddresses: input.destination?.ToAddresses ?? addressList(headers.get('to')),
      CcAddresses: input.destination?.CcAddresses ?? addressList(headers.get('cc')),
      BccAddresses: input.destination?.BccAddresses ?? [],
    };
    const recipients = [...destination.ToAddresses, ...destination.CcAddresses, ...destination.BccAddresses];
    if (recipients.length === 0) {
      throw validationError(
        'destination',
        'Member must contain at least one recipient (ToAddresses, CcAddresses or BccAddresses)',
      );
    }
    if (recipients.length > LIMITS.recipientsPerMessage) {
      throw new BadRequestException(
        `Recipient count exceeds ${LIMITS.recipientsPerMessage}: this message has ${recipients.length} recipients.`,
      );
    }
    for (const recipient of recipients) {
      if (!isValidEmailAddress(bareAddress(recipient))) {
        throw new BadRequestException(`Illegal address: ${recipient} is not a valid email address.`);
      }
    }
    return { from, sender, headers, destination, recipients };
  }

  /**
   * GetSendStatistics (SES v1): the last two weeks of sending in 15-minute intervals, only those with
   * activity, oldest first [model; inf: order]. Delivery attempts count recipients; bounces and
   * complaints are the outcomes `Delivery` decides for them (the mailbox simulator's); rejects are 0
   * (the emulator rejects before accepting, which SES does not count).
   */
  statistics(scope: Scope): SendDataPoint[] {
    const now = this.ctx.now();
    const points = new Map<number, SendDataPoint>();
    for (const message of this.ctx.store.mailbox.listSentSince(scope, now - STATISTICS_WINDOW_MS)) {
      const slot = Math.floor(message.timestamp / STATISTICS_INTERVAL_MS) * STATISTICS_INTERVAL_MS;
      const point = points.get(slot) ?? {
        timestamp: slot,
        deliveryAttempts: 0,
        bounces: 0,
        complaints: 0,
        rejects: 0,
      };
      for (const outcome of this.delivery.outcomesOf(scope, message)) {
        point.deliveryAttempts++;
        if (outcome.kind === 'bounced') point.bounces++;
        if (outcome.kind === 'complained') point.complaints++;
      }
      points.set(slot, point);
    }
    return [...points.values()].sort((a, b) => a.timestamp - b.timestamp);
  }

  private isVerified(scope: Scope, address: string): boolean {
    return senderCandidates(address).some(
      (name) => this.ctx.store.identities.get(scope, name)?.verification.status === 'SUCCESS',
    );
  }

  /**
   * The sender must be verified (address, its domain or a parent domain); in the sandbox so must every
   * recipient but mailbox-simulator addresses (the same candidates: a verified domain covers its
   * addresses). One MessageRejected lists every identity that failed, as supplied (sender first).
   * Returns the configuration set: the one named (it must exist), else the most specific identity's
   * default; and the most specific verified identity (whose settings govern feedback).
   */
  private authorise(
    scope: Scope,
    account: AccountRecord,
    valid: Validated,
    named: string | undefined,
  ): { configurationSetName?: string; identity?: IdentityRecord } {
    // The sender's candidates, most specific first, looked up only as far as the answer needs: the
    // first verified one, and past it only while no configuration set is named and none has a default.
    let identity: IdentityRecord | undefined;
    let defaultSet: string | undefined;
    for (const name of senderCandidates(valid.sender)) {
      const found = this.ctx.store.identities.get(scope, name);
      if (found?.verification.status !== 'SUCCESS') continue;
      identity ??= found;
      if (named !== undefined) break;
      if (found.configurationSetName) {
        defaultSet = found.configurationSetName;
        break;
      }
    }
    const failed = identity === undefined ? [valid.from] : [];
    if (!account.productionAccessEnabled) {
      for (const recipient of valid.recipients) {
        const bare = bareAddress(recipient);
        if (!isSimulatorAddress(bare) && !this.isVerified(scope, bare)) failed.push(recipient);
      }
    }
    if (failed.length > 0) {
      throw new MessageRejected(
        `Email address is not verified. The following identities failed the check in region ${scope.region.toUpperCase()}: ${failed.join(', ')}`,
      );
    }
    if (named !== undefined) {
      if (!this.ctx.store.configurationSets.get(scope, named)) throw configurationSetNotFound(named);
      return { configurationSetName: named, identity };
    }
    // The identity's default applies when the request names none: most specific identity first.
    return { configurationSetName: defaultSet, identity };
  }

  private templateContent(scope: Scope, input: TemplateInput): { name?: string; content: TemplateContent } {
    if (input.content) return { content: input.content };
    if (input.name === undefined && input.arn === undefined)
      throw missingField('content.template.templateName');
    const template = this.templates.resolve(scope, { name: input.name, arn: input.arn });
    return { name: template.name, content: template };
  }

  /** Quota and rate: simulator recipients count against the rate only. */
  private count(scope: Scope, account: AccountRecord, recipients: readonly string[]): void {
    const quotaRecipients = recipients.filter((r) => !isSimulatorAddress(bareAddress(r))).length;
    this.account.admitSend(scope, quotaRecipients, recipients.length, account);
  }
}
