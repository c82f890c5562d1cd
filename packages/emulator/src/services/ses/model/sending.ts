import { randomBytes } from 'node:crypto';
import type { MailboxMessage, Scope } from '../../../store/ses-records.js';
import { LIMITS, type ModelContext } from './context.js';
import type { Delivery } from './delivery.js';
import { BadRequestException, MessageRejected, missingField, validationError } from './errors.js';
import { configurationSetNotFound } from './identities.js';
import { bareAddress, isValidEmailAddress, senderCandidates } from './names.js';

export interface SendInput {
  fromEmailAddress?: string;
  destination?: { ToAddresses?: string[]; CcAddresses?: string[]; BccAddresses?: string[] };
  replyToAddresses?: string[];
  configurationSetName?: string;
  simple?: { subject?: string; text?: string; html?: string };
  /** Raw MIME message, decoded. */
  raw?: Buffer;
  template?: boolean;
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

/** A message id shaped like SES's: `0100` + 12 hex of the send time, a UUID-ish middle, `-000000`. */
export function messageId(now: number): string {
  const hex = (n: number) => randomBytes(n).toString('hex');
  const time = now.toString(16).padStart(12, '0').slice(-12);
  return `0100${time}-${hex(4)}-${hex(2)}-${hex(2)}-${hex(2)}-${hex(6)}-000000`;
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

/** SendEmail: checks the sender and recipients, picks the configuration set, captures the message. */
export class SendingModel {
  constructor(
    private readonly ctx: ModelContext,
    private readonly delivery: Delivery,
  ) {}

  send(scope: Scope, input: SendInput): MailboxMessage {
    const kinds = [input.simple, input.raw, input.template].filter((c) => c !== undefined).length;
    if (kinds === 0) throw missingField('content');
    if (kinds > 1) {
      throw new BadRequestException('Content must contain exactly one of Simple, Raw or Template.');
    }
    if (input.template) {
      throw new BadRequestException(
        'Template content is not supported by this emulator; send Simple or Raw content.',
      );
    }
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
    if (input.simple && input.simple.subject === undefined) throw missingField('content.simple.subject');

    const store = this.ctx.store;
    const accepted = store.transaction(() => {
      const verified = senderCandidates(sender)
        .map((name) => store.identities.get(scope, name))
        .filter((identity) => identity?.verification.status === 'SUCCESS');
      if (verified.length === 0) {
        throw new MessageRejected(
          `Email address is not verified. The following identities failed the check in region ${scope.region.toUpperCase()}: ${sender}`,
        );
      }
      let configurationSetName = input.configurationSetName;
      if (configurationSetName !== undefined) {
        if (!store.configurationSets.get(scope, configurationSetName)) {
          throw configurationSetNotFound(configurationSetName);
        }
      } else {
        // The identity's default applies when the request names none: most specific identity first.
        configurationSetName = verified.find(
          (identity) => identity?.configurationSetName,
        )?.configurationSetName;
      }
      const now = this.ctx.now();
      const message: MailboxMessage = {
        ...scope,
        id: messageId(now),
        kind: 'sent',
        source: from,
        destination,
        subject: input.simple?.subject ?? headers.get('subject'),
        textPart: input.simple?.text,
        htmlPart: input.simple?.html,
        rawData: input.raw?.toString('utf8'),
        configurationSetName,
        timestamp: now,
      };
      store.mailbox.insert(message);
      return message;
    });
    this.delivery.accepted(scope, accepted);
    return accepted;
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

  sentLast24Hours(scope: Scope): number {
    return this.ctx.store.mailbox.countSentSince(
      scope.accountId,
      scope.region,
      this.ctx.now() - 24 * 60 * 60 * 1000,
    );
  }
}
