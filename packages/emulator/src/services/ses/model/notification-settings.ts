import type {
  IdentityRecord,
  NotificationSettingsRecord,
  NotificationType,
  Scope,
} from '../../../store/ses-records.js';
import type { ModelContext } from './context.js';
import { BadRequestException, MessageRejected } from './errors.js';
import { notFound } from './identities.js';
import { identityKey } from './names.js';

export type { NotificationType } from '../../../store/ses-records.js';

export const NOTIFICATION_TYPES: readonly NotificationType[] = ['Bounce', 'Complaint', 'Delivery'];

/**
 * What SES needs to know about SNS topics: the SNS model answers (`services/sns/`). SES never reads
 * the SNS tables itself, so topic rules (ARN syntax, existence) have one home.
 */
export interface TopicDirectory {
  /** The topic an ARN names and whether it exists; undefined when `arn` is not an SNS topic ARN. */
  lookup(arn: string): { accountId: string; region: string; name: string; exists: boolean } | undefined;
  /**
   * Publishes `message` on the topic as SES (the service principal) does; returns the SNS message id,
   * or undefined when the topic no longer exists.
   */
  publish(arn: string, message: { message: string; subject?: string }): string | undefined;
}

/** A directory without topics: SES alone (tests of the SES model that wire no SNS). */
export const NO_TOPICS: TopicDirectory = { lookup: () => undefined, publish: () => undefined };

/** An identity's notification attributes, as GetIdentityNotificationAttributes reports them. */
export interface NotificationAttributes {
  /** The identity's stored name (domains lowercase). */
  identity: string;
  topics: Partial<Record<NotificationType, string>>;
  headersEnabled: Record<NotificationType, boolean>;
  forwardingEnabled: boolean;
}

const NO_HEADERS: Record<NotificationType, boolean> = { Bounce: false, Complaint: false, Delivery: false };

/** Whether the value is one of SES's notification types (case-sensitive, as SES compares). */
export function parseNotificationType(raw: string | undefined): NotificationType {
  if (raw !== undefined && (NOTIFICATION_TYPES as readonly string[]).includes(raw)) {
    return raw as NotificationType;
  }
  throw new BadRequestException(
    `Invalid notification type: ${raw ?? ''}. Valid values are: ${NOTIFICATION_TYPES.join(', ')}.`,
  );
}

/**
 * The identity a v1 `Identity` parameter names: a name, or the identity's ARN
 * (`arn:aws:ses:<region>:<account>:identity/<name>`). An ARN of another Region or account names no
 * identity of this scope (undefined), so the caller answers as for an unknown identity.
 */
export function identityNameOf(scope: Scope, raw: string): string | undefined {
  const arn = /^arn:aws[a-z-]*:ses:([^:]*):([^:]*):identity\/(.+)$/.exec(raw);
  if (!arn) return identityKey(raw);
  if (arn[1] !== scope.region || arn[2] !== scope.accountId) return undefined;
  return identityKey(arn[3] as string);
}

/**
 * An identity's feedback notifications: the SNS topic per feedback type, whether each type's
 * notifications include the original headers, and email feedback forwarding (stored on the identity
 * record, which SES v2's FeedbackForwardingStatus reads; this model is the one place that changes it).
 *
 * Rules:
 * - a topic must be an existing SNS topic in the identity's Region and account. SES can use another
 *   account's topic only when that topic's policy lets `ses.amazonaws.com` publish; the emulator
 *   models no topic policies (every topic has SNS's default, owner-only policy), so as real SES with
 *   that policy it refuses other accounts' topics [inf];
 * - forwarding can be disabled only while Bounce and Complaint both have a topic [doc];
 * - clearing the Bounce or Complaint topic while forwarding is disabled re-enables forwarding. SES
 *   documents this for a topic it had to drop (publish failed) and keeps the invariant the disable rule
 *   protects (bounces and complaints always reach someone) [doc for the drop; inf for clearing];
 * - headers can be switched for a type without a topic: real SES answered 200 [obs], though its
 *   documentation says otherwise;
 * - setting a topic publishes SES's `AmazonSnsSubscriptionSucceeded` notification on it [obs].
 *
 * Errors are the model's (BadRequestException, MessageRejected, NotFoundException); SES v1 answers
 * BadRequestException and NotFoundException as `InvalidParameterValue`.
 */
export class NotificationSettingsModel {
  constructor(
    private readonly ctx: ModelContext,
    private readonly topics: TopicDirectory,
  ) {}

  private get store() {
    return this.ctx.store;
  }

  private find(scope: Scope, raw: string): IdentityRecord | undefined {
    const name = identityNameOf(scope, raw);
    return name === undefined ? undefined : this.store.identities.get(scope, name);
  }

  private settingsOf(scope: Scope, identity: string): NotificationSettingsRecord {
    return (
      this.store.notifications.get(scope, identity) ?? {
        ...scope,
        identity,
        topics: {},
        headers: { ...NO_HEADERS },
      }
    );
  }

  private attributes(identity: IdentityRecord): NotificationAttributes {
    const settings = this.settingsOf(identity, identity.name);
    return {
      identity: identity.name,
      topics: { ...settings.topics },
      headersEnabled: { ...NO_HEADERS, ...settings.headers },
      forwardingEnabled: identity.feedbackForwarding,
    };
  }

  /** The attributes of every named identity that exists (names or ARNs, keyed as given); others are left out. */
  attributesOf(scope: Scope, rawNames: readonly string[]): Map<string, NotificationAttributes> {
    const out = new Map<string, NotificationAttributes>();
    for (const raw of rawNames) {
      const identity = this.find(scope, raw);
      if (identity) out.set(raw, this.attributes(identity));
    }
    return out;
  }

  /** The attributes of one identity, or NotFound. */
  get(scope: Scope, rawName: string): NotificationAttributes {
    const identity = this.find(scope, rawName);
    if (!identity) throw notFound(rawName);
    return this.attributes(identity);
  }

  /**
   * The settings feedback about a message from `identity` follows (the sending identity's, most
   * specific verified identity first, as `SendingModel` picks it).
   */
  forRecord(identity: IdentityRecord): NotificationAttributes {
    return this.attributes(identity);
  }

  /** Whether feedback about a message from `identity` goes to any topic (one row read, nothing built). */
  hasTopic(identity: IdentityRecord): boolean {
    const topics = this.store.notifications.get(identity, identity.name)?.topics;
    return topics !== undefined && Object.values(topics).some((arn) => arn !== undefined);
  }

  /** SetIdentityNotificationTopic: `topicArn` undefined (or empty) clears the type's topic. */
  setTopic(scope: Scope, rawName: string, type: NotificationType, topicArn: string | undefined): void {
    const arn = topicArn === '' ? undefined : topicArn;
    const identity = this.store.transaction(() => {
      const found = this.find(scope, rawName);
      if (found?.verification.status !== 'SUCCESS') {
        throw new BadRequestException(
          `Identity ${rawName} is invalid. Must be a verified email address or domain.`,
        );
      }
      if (arn !== undefined) this.requireUsableTopic(scope, arn);
      const settings = this.settingsOf(scope, found.name);
      const topics = { ...settings.topics };
      if (arn === undefined) delete topics[type];
      else topics[type] = arn;
      this.store.notifications.put({ ...settings, topics });
      if (arn === undefined && type !== 'Delivery' && !found.feedbackForwarding) {
        this.store.identities.update({ ...found, feedbackForwarding: true });
      }
      return found;
    });
    if (arn !== undefined) {
      // SES confirms the topic works by publishing on it (observed with a trailing newline).
      const message = {
        notificationType: 'AmazonSnsSubscriptionSucceeded',
        message: `You have successfully subscribed your Amazon SNS topic '${arn}' to receive '${type}' notifications from Amazon SES for identity '${identity.name}'.`,
      };
      this.topics.publish(arn, { message: `${JSON.stringify(message)}\n` });
    }
  }

  private requireUsableTopic(scope: Scope, arn: string): void {
    const topic = this.topics.lookup(arn);
    const refuse = (why: string) => new BadRequestException(`SNS topic ${arn} is invalid: ${why}.`);
    if (!topic) throw refuse('it is not an SNS topic ARN (arn:aws:sns:<region>:<account>:<name>)');
    if (topic.region !== scope.region) {
      throw refuse(
        `the topic is in Region ${topic.region}; SES publishes only to topics in the identity's Region ${scope.region}`,
      );
    }
    if (topic.accountId !== scope.accountId) {
      throw refuse(
        `the topic belongs to account ${topic.accountId}, and its policy does not allow Amazon SES of account ${scope.accountId} to publish to it`,
      );
    }
    if (!topic.exists) throw refuse('the topic does not exist');
  }

  /** SetIdentityHeadersInNotificationsEnabled. */
  setHeadersEnabled(scope: Scope, rawName: string, type: NotificationType, enabled: boolean): void {
    this.store.transaction(() => {
      const found = this.find(scope, rawName);
      if (found?.verification.status !== 'SUCCESS') {
        // SES answers MessageRejected here (sic), not InvalidParameterValue [obs].
        throw new MessageRejected(`Identity ${rawName} is not verified or does not exist.`);
      }
      const settings = this.settingsOf(scope, found.name);
      this.store.notifications.put({ ...settings, headers: { ...settings.headers, [type]: enabled } });
    });
  }

  /**
   * SetIdentityFeedbackForwardingEnabled and SES v2 PutEmailIdentityFeedbackAttributes: disabling needs
   * Bounce and Complaint topics. NotFound for an unknown identity.
   */
  setForwarding(scope: Scope, rawName: string, enabled: boolean): void {
    this.store.transaction(() => {
      const identity = this.find(scope, rawName);
      if (!identity) throw notFound(rawName);
      if (!enabled) {
        const { topics } = this.settingsOf(scope, identity.name);
        const missing = (['Bounce', 'Complaint'] as const).filter((type) => topics[type] === undefined);
        if (missing.length > 0) {
          throw new BadRequestException(
            `Feedback forwarding can only be disabled when Amazon SNS topics are set for both Bounce and Complaint notifications; identity ${identity.name} has no ${missing.join(' and ')} topic.`,
          );
        }
      }
      this.store.identities.update({ ...identity, feedbackForwarding: enabled });
    });
  }

  /**
   * SES drops a Bounce or Complaint topic it can no longer publish to (deleted topic) and re-enables
   * forwarding [doc]; the Delivery topic is dropped without that.
   */
  dropTopic(scope: Scope, identityName: string, type: NotificationType): void {
    this.store.transaction(() => {
      const identity = this.store.identities.get(scope, identityName);
      if (!identity) return;
      const settings = this.settingsOf(scope, identity.name);
      const topics = { ...settings.topics };
      delete topics[type];
      this.store.notifications.put({ ...settings, topics });
      if (type !== 'Delivery' && !identity.feedbackForwarding) {
        this.store.identities.update({ ...identity, feedbackForwarding: true });
      }
    });
  }
}
