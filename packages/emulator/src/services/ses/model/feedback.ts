import { randomUUID } from 'node:crypto';
import type { IdentityRecord, MailboxMessage, NotificationType, Scope } from '../../../store/ses-records.js';
import type { ModelContext } from './context.js';
import type { DeliveryOutcome, SentMessageListener } from './delivery.js';
import { bareAddress, senderCandidates } from './names.js';
import type {
  NotificationAttributes,
  NotificationSettingsModel,
  TopicDirectory,
} from './notification-settings.js';
import { headerFields, messageId as sesId } from './sending.js';

/**
 * SES's identity feedback (AWS "Amazon SNS notification contents for Amazon SES"): once a message is
 * accepted and each recipient's outcome decided (`Delivery`), the sending identity's settings say
 * where feedback goes:
 * - `Bounce`, `Complaint`, `Delivery` notifications as JSON on the type's SNS topic, one per type and
 *   message (SES combines the recipients of one request), `mail.headers` / `commonHeaders` only when
 *   headers are enabled for that type;
 * - with email feedback forwarding on, bounces and complaints also go by email to the sender (the
 *   captured mailbox), in addition to any topic [doc];
 * - an out-of-office recipient (`ooto@simulator…`) is delivered and answers the sender with an
 *   auto-reply (RFC 3834) [doc].
 * The settings are the most specific verified identity's (an address's own, else its domain's), as SES
 * applies domain settings to every address that is not itself an identity [doc]. A topic that no
 * longer exists is dropped from the settings, as SES does (`dropTopic`).
 */
export function feedbackPublisher(
  ctx: ModelContext,
  notifications: NotificationSettingsModel,
  topics: TopicDirectory,
): SentMessageListener {
  return (message, outcomes, sender) => {
    if (message.kind !== 'sent') return;
    const identity = sender ?? sendingIdentity(ctx, message);
    if (!identity) return;
    // Nothing to publish or write (every recipient delivered, no topic: the usual send): no settings
    // to build, no transaction to open.
    if (outcomes.every((o) => o.kind === 'delivered') && !notifications.hasTopic(identity)) return;
    const settings = notifications.forRecord(identity);
    // One transaction: the captured notifications and emails of a message are there together or not at all.
    ctx.store.transaction(() =>
      publishFeedback(ctx, notifications, topics, message, outcomes, identity, settings),
    );
  };
}

function publishFeedback(
  ctx: ModelContext,
  notifications: NotificationSettingsModel,
  topics: TopicDirectory,
  message: MailboxMessage,
  outcomes: readonly DeliveryOutcome[],
  identity: IdentityRecord,
  settings: NotificationAttributes,
): void {
  const feedback = new FeedbackWriter(ctx.now(), message, identity);

  const delivered = outcomes.filter((o) => o.kind === 'delivered' || o.kind === 'auto-replied');
  const complained = outcomes.filter((o) => o.kind === 'complained');
  // Complaints arrive after the message was delivered; the complaining recipient was delivered too.
  const deliveredAll = [...delivered, ...complained];
  const bounces = new Map<string, Extract<DeliveryOutcome, { kind: 'bounced' }>[]>();
  for (const o of outcomes) {
    if (o.kind !== 'bounced') continue;
    const key = `${o.bounceType}/${o.bounceSubType}`;
    bounces.set(key, [...(bounces.get(key) ?? []), o]);
  }

  const publish = (type: NotificationType, body: Record<string, unknown>) => {
    const arn = settings.topics[type];
    if (arn === undefined) return;
    const notification = {
      notificationType: type,
      [type.toLowerCase()]: body,
      mail: feedback.mail(settings.headersEnabled[type]),
    };
    if (topics.publish(arn, { message: JSON.stringify(notification) }) === undefined) {
      notifications.dropTopic(message, identity.name, type);
    }
  };

  if (deliveredAll.length > 0) publish('Delivery', feedback.delivery(deliveredAll.map((o) => o.recipient)));
  for (const group of bounces.values()) {
    publish('Bounce', feedback.bounce(group));
    if (settings.forwardingEnabled) ctx.store.mailbox.insert(feedback.bounceEmail(group));
  }
  if (complained.length > 0) {
    const recipients = complained.map((o) => o.recipient);
    publish('Complaint', feedback.complaint(recipients));
    if (settings.forwardingEnabled) ctx.store.mailbox.insert(feedback.complaintEmail(recipients));
  }
  for (const o of outcomes) {
    if (o.kind === 'auto-replied') ctx.store.mailbox.insert(feedback.autoReply(o.recipient));
  }
}

/** The verified identity whose settings govern feedback about a message (most specific first). */
function sendingIdentity(ctx: ModelContext, message: MailboxMessage): IdentityRecord | undefined {
  for (const name of senderCandidates(bareAddress(message.source))) {
    const identity = ctx.store.identities.get(message, name);
    if (identity?.verification.status === 'SUCCESS') return identity;
  }
  return undefined;
}

/** The emulated SES host names that feedback names as reporting MTA. */
function reportingHost(scope: Scope): string {
  return `a1-1.smtp-out.${scope.region}.amazonses.com`;
}

const HEADERS_LIMIT = 10 * 1024;
const SUPPRESSED_DIAGNOSTIC =
  'Amazon SES has suppressed sending to this address because it has a recent history of bouncing as an invalid address. For more information about how to remove an address from the suppression list, see the Amazon SES Developer Guide: https://docs.aws.amazon.com/ses/latest/DeveloperGuide/remove-from-suppression-list.html ';

/** Builds the parts of SES's notifications and feedback emails for one accepted message. */
class FeedbackWriter {
  private readonly iso: string;

  constructor(
    private readonly now: number,
    private readonly message: MailboxMessage,
    private readonly identity: IdentityRecord,
  ) {
    this.iso = new Date(now).toISOString();
  }

  private get recipients(): string[] {
    const { ToAddresses, CcAddresses, BccAddresses } = this.message.destination;
    return [...ToAddresses, ...CcAddresses, ...BccAddresses].map(bareAddress);
  }

  /** The original headers: the raw message's, or those SES writes for simple content. */
  private headers(): Array<{ name: string; value: string }> {
    const m = this.message;
    if (m.rawData !== undefined) return headerFields(m.rawData);
    const { ToAddresses, CcAddresses } = m.destination;
    return [
      { name: 'From', value: m.source },
      { name: 'To', value: ToAddresses.join(', ') },
      ...(CcAddresses.length > 0 ? [{ name: 'Cc', value: CcAddresses.join(', ') }] : []),
      { name: 'Subject', value: m.subject ?? '' },
      { name: 'MIME-Version', value: '1.0' },
      {
        name: 'Content-Type',
        value:
          m.htmlPart !== undefined && m.textPart !== undefined
            ? 'multipart/alternative; boundary="----=_Part_0"'
            : m.htmlPart !== undefined
              ? 'text/html; charset=UTF-8'
              : 'text/plain; charset=UTF-8',
      },
      { name: 'Date', value: new Date(m.timestamp).toUTCString() },
      { name: 'Message-ID', value: `<${m.id}@email.amazonses.com>` },
    ];
  }

  /** The `mail` object; `headers` and `commonHeaders` only when `withHeaders`. */
  mail(withHeaders: boolean): Record<string, unknown> {
    const m = this.message;
    const mail: Record<string, unknown> = {
      timestamp: new Date(m.timestamp).toISOString(),
      source: bareAddress(m.source),
      sourceArn: `arn:aws:ses:${m.region}:${m.accountId}:identity/${this.identity.name}`,
      sourceIp: '127.0.0.1',
      callerIdentity: 'emulator',
      sendingAccountId: m.accountId,
      messageId: m.id,
      destination: this.recipients,
    };
    if (!withHeaders) return mail;
    const all = this.headers();
    const kept: typeof all = [];
    let size = 0;
    for (const header of all) {
      size += header.name.length + header.value.length + 4;
      if (size > HEADERS_LIMIT) break;
      kept.push(header);
    }
    const first = (name: string) => all.find((h) => h.name.toLowerCase() === name)?.value;
    const list = (name: string) =>
      (first(name) ?? '')
        .split(',')
        .map((a) => a.trim())
        .filter((a) => a !== '');
    const cc = list('cc');
    return {
      ...mail,
      headersTruncated: kept.length < all.length,
      headers: kept,
      commonHeaders: {
        from: list('from'),
        ...(first('date') !== undefined && { date: first('date') }),
        to: list('to'),
        ...(cc.length > 0 && { cc }),
        messageId: m.id,
        subject: first('subject') ?? '',
      },
    };
  }

  delivery(recipients: string[]): Record<string, unknown> {
    return {
      timestamp: this.iso,
      processingTimeMillis: Math.max(0, this.now - this.message.timestamp),
      recipients,
      smtpResponse: '250 2.6.0 Message received',
      remoteMtaIp: '127.0.0.1',
      reportingMTA: reportingHost(this.message),
    };
  }

  bounce(outcomes: Extract<DeliveryOutcome, { kind: 'bounced' }>[]): Record<string, unknown> {
    const first = outcomes[0] as Extract<DeliveryOutcome, { kind: 'bounced' }>;
    const suppressed = first.bounceSubType === 'OnAccountSuppressionList';
    return {
      feedbackId: sesId(this.now),
      bounceType: first.bounceType,
      bounceSubType: first.bounceSubType,
      bouncedRecipients: outcomes.map((o) => ({
        emailAddress: o.recipient,
        action: 'failed',
        status: '5.1.1',
        diagnosticCode: suppressed ? SUPPRESSED_DIAGNOSTIC : 'smtp; 550 5.1.1 user unknown',
      })),
      timestamp: this.iso,
      ...(suppressed
        ? { reportingMTA: 'dns; amazonses.com' }
        : { remoteMtaIp: '127.0.0.1', reportingMTA: `dsn; ${reportingHost(this.message)}` }),
    };
  }

  complaint(recipients: string[]): Record<string, unknown> {
    return {
      feedbackId: sesId(this.now),
      complaintSubType: null,
      complainedRecipients: recipients.map((emailAddress) => ({ emailAddress })),
      timestamp: this.iso,
      userAgent: 'Amazon SES Mailbox Simulator',
      complaintFeedbackType: 'abuse',
      arrivalDate: this.iso,
    };
  }

  private email(kind: MailboxMessage['kind'], from: string, subject: string, text: string): MailboxMessage {
    const m = this.message;
    return {
      accountId: m.accountId,
      region: m.region,
      id: randomUUID(),
      kind,
      source: from,
      destination: { ToAddresses: [bareAddress(m.source)], CcAddresses: [], BccAddresses: [] },
      subject,
      textPart: text,
      timestamp: this.now,
    };
  }

  /** The bounce SES forwards to the sender [inf: SES's DSN wording and sender]. */
  bounceEmail(outcomes: Extract<DeliveryOutcome, { kind: 'bounced' }>[]): MailboxMessage {
    return this.email(
      'feedback',
      'MAILER-DAEMON@amazonses.com',
      'Delivery Status Notification (Failure)',
      [
        'An error occurred while trying to deliver the mail to the following recipients:',
        ...outcomes.map((o) => o.recipient),
        '',
        `Original message: ${this.message.id} (subject: ${this.message.subject ?? ''})`,
      ].join('\n'),
    );
  }

  /** The complaint SES forwards to the sender (an abuse report) [inf: sender and wording]. */
  complaintEmail(recipients: string[]): MailboxMessage {
    return this.email(
      'feedback',
      'complaints@email-abuse.amazonses.com',
      `Complaint: ${this.message.subject ?? ''}`,
      [
        'This is an email abuse report for an email message received from your sender address.',
        `Complaining recipients: ${recipients.join(', ')}`,
        `Original message: ${this.message.id}`,
      ].join('\n'),
    );
  }

  /** The out-of-office answer of the simulator's ooto recipient [inf: wording]. */
  autoReply(recipient: string): MailboxMessage {
    return this.email(
      'auto-reply',
      recipient,
      `Out of Office: ${this.message.subject ?? ''}`,
      'I am out of the office and will reply when I am back. (Automatic reply from the Amazon SES mailbox simulator.)',
    );
  }
}
