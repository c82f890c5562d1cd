import { randomUUID } from 'node:crypto';
import type { EmulatorLogger } from '../../logger.js';
import type { MailboxMessage } from '../../store/ses-records.js';
import type { PublishedMessage, SubscriptionRecord } from '../../store/sns-records.js';
import type { SnsDelivery } from './model/sns-model.js';

/**
 * How SNS messages leave the emulator: the JSON envelopes SNS POSTs to http(s) subscribers, and the
 * emails it sends to email / email-json subscribers (captured in the SES mailbox).
 *
 * Signatures: `SignatureVersion` is `1` and `Signature` a fixed placeholder (base64 of
 * `EMULATOR-UNSIGNED`); `SigningCertURL` points at the emulator and serves no certificate. A
 * subscriber that verifies SNS signatures must skip that check against the emulator.
 */

export const SIGNATURE_PLACEHOLDER = Buffer.from('EMULATOR-UNSIGNED').toString('base64');
const USER_AGENT = 'Amazon Simple Notification Service Agent';
/** SNS's sender for email subscriptions [obs]. */
const EMAIL_SENDER = 'no-reply@sns.amazonaws.com';
/** How long one POST to a subscriber may take before it counts as failed. */
const POST_TIMEOUT_MS = 15_000;

export interface SnsUrls {
  /** The SubscribeURL of a pending subscription (GET confirms it). */
  subscribe(subscription: SubscriptionRecord): string;
  unsubscribe(subscription: SubscriptionRecord): string;
  signingCert(region: string): string;
}

/** The control-plane URLs standing in for `https://sns.<region>.amazonaws.com/?Action=…`. */
export function emulatorSnsUrls(publicUrl: () => string): SnsUrls {
  return {
    subscribe: (s) =>
      `${publicUrl()}/_emulator/sns/confirm-subscription?TopicArn=${encodeURIComponent(s.topicArn)}&Token=${s.token}`,
    unsubscribe: (s) =>
      `${publicUrl()}/_emulator/sns/unsubscribe?SubscriptionArn=${encodeURIComponent(s.arn)}`,
    signingCert: (region) => `${publicUrl()}/_emulator/sns/SimpleNotificationService-${region}.pem`,
  };
}

/** The `Notification` envelope, keys in SNS's order; `Subject` only when the publisher set one. */
export function notificationEnvelope(
  message: PublishedMessage,
  subscription: SubscriptionRecord,
  urls: SnsUrls,
): Record<string, unknown> {
  const attributes = Object.entries(message.messageAttributes);
  return {
    Type: 'Notification',
    MessageId: message.id,
    TopicArn: message.topicArn,
    ...(message.subject !== undefined && { Subject: message.subject }),
    Message: message.message,
    Timestamp: new Date(message.timestamp).toISOString(),
    SignatureVersion: '1',
    Signature: SIGNATURE_PLACEHOLDER,
    SigningCertURL: urls.signingCert(message.region),
    UnsubscribeURL: urls.unsubscribe(subscription),
    ...(attributes.length > 0 && {
      MessageAttributes: Object.fromEntries(
        attributes.map(([name, a]) => [
          name,
          { Type: a.DataType, Value: a.DataType.startsWith('Binary') ? a.BinaryValue : a.StringValue },
        ]),
      ),
    }),
  };
}

/** The `SubscriptionConfirmation` envelope with its Token and SubscribeURL. */
export function confirmationEnvelope(
  subscription: SubscriptionRecord,
  urls: SnsUrls,
  now: number,
): Record<string, unknown> {
  return {
    Type: 'SubscriptionConfirmation',
    MessageId: randomUUID(),
    Token: subscription.token,
    TopicArn: subscription.topicArn,
    Message: `You have chosen to subscribe to the topic ${subscription.topicArn}.\nTo confirm the subscription, visit the SubscribeURL included in this message.`,
    SubscribeURL: urls.subscribe(subscription),
    Timestamp: new Date(now).toISOString(),
    SignatureVersion: '1',
    Signature: SIGNATURE_PLACEHOLDER,
    SigningCertURL: urls.signingCert(subscription.region),
  };
}

/**
 * Delivers over HTTP (POST, SNS's headers, no retries: a failed POST is logged) and by email into the
 * mailbox. POSTs run in the background; `settled()` waits for those under way (tests, shutdown).
 */
export class SnsDeliveryAgent implements SnsDelivery {
  private readonly inFlight = new Set<Promise<void>>();
  /** Aborted by `stop()`: a stopping emulator does not wait for slow subscribers. */
  private readonly stopping = new AbortController();

  constructor(
    private readonly deps: {
      urls: SnsUrls;
      now: () => number;
      email: (message: MailboxMessage) => void;
      logger: EmulatorLogger;
    },
  ) {}

  confirmationRequest(subscription: SubscriptionRecord): void {
    const envelope = confirmationEnvelope(subscription, this.deps.urls, this.deps.now());
    if (subscription.protocol === 'http' || subscription.protocol === 'https') {
      this.post(subscription, envelope, false);
      return;
    }
    this.mail(subscription, 'AWS Notification - Subscription Confirmation', [
      `You have chosen to subscribe to the topic:\n${subscription.topicArn}`,
      `To confirm this subscription, click or visit the link below (If this was in error no action is necessary):\n${envelope.SubscribeURL as string}`,
    ]);
  }

  notification(message: PublishedMessage, subscriptions: readonly SubscriptionRecord[]): void {
    for (const subscription of subscriptions) {
      const envelope = notificationEnvelope(message, subscription, this.deps.urls);
      const raw = subscription.attributes.RawMessageDelivery === 'true';
      if (subscription.protocol === 'http' || subscription.protocol === 'https') {
        this.post(subscription, raw ? message.message : envelope, raw);
      } else if (subscription.protocol === 'email-json') {
        this.mail(subscription, message.subject ?? 'AWS Notification Message', [
          JSON.stringify(envelope, null, 2),
        ]);
      } else {
        this.mail(subscription, message.subject ?? 'AWS Notification Message', [
          message.message,
          `--\nIf you wish to stop receiving notifications from this topic, please click or visit the link below to unsubscribe:\n${this.deps.urls.unsubscribe(subscription)}`,
        ]);
      }
    }
  }

  /** Abandons every POST under way; later messages are still stored but not POSTed. */
  stop(): void {
    this.stopping.abort();
  }

  /** Resolves once every POST under way has ended (delivered or failed). */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private post(subscription: SubscriptionRecord, body: Record<string, unknown> | string, raw: boolean): void {
    const type = typeof body === 'string' ? 'Notification' : (body.Type as string);
    const headers: Record<string, string> = {
      'content-type': 'text/plain; charset=UTF-8',
      'user-agent': USER_AGENT,
      'x-amz-sns-message-type': type,
      'x-amz-sns-topic-arn': subscription.topicArn,
    };
    if (typeof body !== 'string') headers['x-amz-sns-message-id'] = body.MessageId as string;
    if (type !== 'SubscriptionConfirmation') headers['x-amz-sns-subscription-arn'] = subscription.arn;
    if (raw) headers['x-amz-sns-rawdelivery'] = 'true';
    const sent = fetch(subscription.endpoint, {
      method: 'POST',
      headers,
      body: typeof body === 'string' ? body : JSON.stringify(body),
      redirect: 'manual',
      signal: AbortSignal.any([this.stopping.signal, AbortSignal.timeout(POST_TIMEOUT_MS)]),
    })
      .then(async (res) => {
        await res.arrayBuffer().catch(() => undefined);
        if (res.status >= 300) {
          this.deps.logger.warn(
            { endpoint: subscription.endpoint, status: res.status, type },
            'emulator: SNS subscriber refused a message',
          );
        }
      })
      .catch((err: unknown) =>
        this.deps.logger.warn(
          { endpoint: subscription.endpoint, type, err: String(err) },
          'emulator: SNS could not reach a subscriber',
        ),
      )
      .finally(() => this.inFlight.delete(sent));
    this.inFlight.add(sent);
  }

  private mail(subscription: SubscriptionRecord, subject: string, paragraphs: string[]): void {
    this.deps.email({
      accountId: subscription.accountId,
      region: subscription.region,
      id: randomUUID(),
      kind: 'notification',
      source: EMAIL_SENDER,
      destination: { ToAddresses: [subscription.endpoint], CcAddresses: [], BccAddresses: [] },
      subject,
      textPart: paragraphs.join('\n\n'),
      timestamp: this.deps.now(),
    });
  }
}
