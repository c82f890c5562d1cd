import { randomBytes, randomUUID } from 'node:crypto';
import type { Scope } from '../../../store/ses-records.js';
import type {
  PublishedMessage,
  PublishedMessageAttribute,
  SubscriptionProtocol,
  SubscriptionRecord,
  TopicRecord,
} from '../../../store/sns-records.js';
import type { SnsRepo } from '../../../store/sns-repo.js';
import { nextToken, pageRequest } from '../../ses/model/pagination.js';
import {
  AuthorizationError,
  InvalidParameter,
  invalidParameter,
  NotFound,
  TopicLimitExceeded,
} from '../errors.js';
import { parseSnsArn, TOPIC_NAME, topicArn, topicOfArn } from './arns.js';

/** What the SNS model needs from the outside world. */
export interface SnsContext {
  store: SnsRepo;
  /** Runs `work` in one SQLite transaction. */
  transaction<T>(work: () => T): T;
  /** Emulator clock, epoch ms. */
  now: () => number;
  /** Hands a stored message to its confirmed subscribers, and confirmation requests to new ones. */
  deliver: SnsDelivery;
}

/** How messages leave SNS (`delivery.ts`): http(s) POSTs, emails into the SES mailbox. */
export interface SnsDelivery {
  confirmationRequest(subscription: SubscriptionRecord): void;
  notification(message: PublishedMessage, subscriptions: readonly SubscriptionRecord[]): void;
}

export const LIMITS = { topicsPerRegion: 100_000, pageSize: 100, messageBytes: 256 * 1024, subject: 100 };

const PROTOCOLS: readonly SubscriptionProtocol[] = ['http', 'https', 'email', 'email-json'];
/** Protocols SNS has that the emulator does not deliver to. */
const OTHER_PROTOCOLS = ['sms', 'sqs', 'application', 'lambda', 'firehose'];
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Subscription attributes the emulator accepts (and stores); others are refused by name. */
const SUBSCRIPTION_ATTRIBUTES = ['RawMessageDelivery', 'FilterPolicy', 'FilterPolicyScope', 'DeliveryPolicy'];
/** Topic attributes accepted on CreateTopic. */
const TOPIC_ATTRIBUTES = [
  'DisplayName',
  'Policy',
  'DeliveryPolicy',
  'SignatureVersion',
  'KmsMasterKeyId',
  'TracingConfig',
];

export interface PublishInput {
  topicArn?: string;
  targetArn?: string;
  phoneNumber?: string;
  message?: string;
  subject?: string;
  messageStructure?: string;
  messageAttributes?: Record<string, PublishedMessageAttribute>;
}

/** A message id shaped like SNS's (a UUID). */
function messageId(): string {
  return randomUUID();
}

function sameEntries(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/**
 * SNS as far as SES feedback needs it: topics, http(s)/email subscriptions with their confirmation,
 * and Publish, which stores every message (`GET /_emulator/sns`) and hands it to the confirmed
 * subscribers. Every rule and error is here; the wire layer only reads the form and writes XML.
 */
export class SnsModel {
  constructor(private readonly ctx: SnsContext) {}

  private get store() {
    return this.ctx.store;
  }

  /** The topic an ARN names, in the caller's scope, or SNS's error. */
  requireTopic(scope: Scope, arn: string | undefined, param = 'TopicArn'): TopicRecord {
    if (arn === undefined || arn === '') throw invalidParameter(param);
    const parsed = parseSnsArn(arn, param);
    if (parsed.region !== scope.region) throw invalidParameter(param);
    if (parsed.accountId !== scope.accountId) {
      throw new AuthorizationError(
        `User: arn:aws:iam::${scope.accountId}:root is not authorized to access this resource: ${arn}`,
      );
    }
    const topic = this.store.getTopic(scope, parsed.resource);
    if (!topic) throw new NotFound('Topic does not exist');
    return topic;
  }

  createTopic(
    scope: Scope,
    name: string | undefined,
    attributes: Record<string, string> = {},
    tags: Array<{ Key: string; Value: string }> = [],
  ): TopicRecord {
    if (name === undefined || !TOPIC_NAME.test(name)) {
      if (name?.endsWith('.fifo')) {
        throw invalidParameter('Topic Name', 'FIFO topics are not supported by this emulator');
      }
      throw invalidParameter(
        'Topic Name',
        'Topic names must be 1-256 characters: letters, digits, hyphens (-) and underscores (_)',
      );
    }
    for (const key of Object.keys(attributes)) {
      if (!TOPIC_ATTRIBUTES.includes(key)) {
        throw invalidParameter('Attributes', `Unknown attribute ${key}`);
      }
    }
    if (attributes.FifoTopic === 'true') {
      throw invalidParameter('Attributes', 'FIFO topics are not supported by this emulator');
    }
    for (const tag of tags) {
      if (!tag.Key) throw invalidParameter('Tags', 'every tag needs a Key');
    }
    return this.ctx.transaction(() => {
      const existing = this.store.getTopic(scope, name);
      if (existing) {
        // CreateTopic is idempotent for the same name and attributes [model].
        if (!sameEntries(existing.attributes, attributes) && Object.keys(attributes).length > 0) {
          throw invalidParameter('Attributes', 'Topic already exists with different attributes');
        }
        const sameTags =
          tags.length === 0 ||
          sameEntries(
            Object.fromEntries(existing.tags.map((t) => [t.Key, t.Value])),
            Object.fromEntries(tags.map((t) => [t.Key, t.Value])),
          );
        if (!sameTags) throw invalidParameter('Tags', 'Topic already exists with different tags');
        return existing;
      }
      if (this.store.countTopics(scope) >= LIMITS.topicsPerRegion) {
        throw new TopicLimitExceeded();
      }
      const topic: TopicRecord = {
        ...scope,
        name,
        arn: topicArn(scope, name),
        createdAt: this.ctx.now(),
        attributes: { ...attributes },
        tags: [...tags],
      };
      this.store.insertTopic(topic);
      return topic;
    });
  }

  private page(list: string, token: string | undefined) {
    try {
      return pageRequest(list, LIMITS.pageSize, token === '' ? undefined : token);
    } catch {
      throw invalidParameter('NextToken');
    }
  }

  listTopics(scope: Scope, token: string | undefined): { topics: TopicRecord[]; nextToken?: string } {
    const result = this.store.listTopics(scope, this.page('topics', token));
    return { topics: result.items, nextToken: nextToken('topics', result.lastSeq) };
  }

  /** GetTopicAttributes: SNS's default attributes, the ones given on create, and the subscription counts. */
  topicAttributes(scope: Scope, arn: string | undefined): Record<string, string> {
    const topic = this.requireTopic(scope, arn);
    const subscriptions = this.store.subscriptionsOf(topic.arn).items;
    const confirmed = subscriptions.filter((s) => s.confirmed).length;
    return {
      Owner: topic.accountId,
      Policy: JSON.stringify(defaultPolicy(topic)),
      TopicArn: topic.arn,
      DisplayName: '',
      SubscriptionsConfirmed: String(confirmed),
      SubscriptionsPending: String(subscriptions.length - confirmed),
      SubscriptionsDeleted: '0',
      EffectiveDeliveryPolicy: JSON.stringify(EFFECTIVE_DELIVERY_POLICY),
      ...topic.attributes,
    };
  }

  /** DeleteTopic: idempotent (a topic that is gone is no error) [obs]; subscriptions go with it. */
  deleteTopic(scope: Scope, arn: string | undefined): void {
    if (arn === undefined || arn === '') throw invalidParameter('TopicArn');
    const parsed = parseSnsArn(arn, 'TopicArn');
    if (parsed.region !== scope.region) throw invalidParameter('TopicArn');
    if (parsed.accountId !== scope.accountId) this.requireTopic(scope, arn);
    this.ctx.transaction(() => {
      const topic = this.store.getTopic(scope, parsed.resource);
      if (topic) this.store.deleteTopic(topic);
    });
  }

  /**
   * Subscribe: http/https endpoints must be on the loopback interface (the emulator contacts nothing
   * else); email endpoints get their confirmation in the SES mailbox. Every subscription starts
   * pending and is confirmed through its token (SNS confirms same-account sqs/lambda at once; those
   * protocols are not emulated).
   */
  subscribe(
    scope: Scope,
    input: {
      topicArn?: string;
      protocol?: string;
      endpoint?: string;
      attributes?: Record<string, string>;
    },
  ): SubscriptionRecord {
    const topic = this.requireTopic(scope, input.topicArn);
    const protocol = input.protocol;
    if (protocol === undefined || protocol === '') throw invalidParameter('Protocol');
    if (!(PROTOCOLS as readonly string[]).includes(protocol)) {
      if (OTHER_PROTOCOLS.includes(protocol)) {
        throw invalidParameter(
          'Protocol',
          `the emulator delivers only to ${PROTOCOLS.join(', ')} subscriptions, not ${protocol}`,
        );
      }
      throw invalidParameter(`Amazon SNS does not support this protocol string: ${protocol}`);
    }
    const endpoint = input.endpoint ?? '';
    checkEndpoint(protocol as SubscriptionProtocol, endpoint);
    const attributes = input.attributes ?? {};
    for (const key of Object.keys(attributes)) {
      if (!SUBSCRIPTION_ATTRIBUTES.includes(key)) {
        throw invalidParameter('Attributes', `Unknown attribute ${key}`);
      }
    }
    if (
      attributes.RawMessageDelivery !== undefined &&
      !/^(true|false)$/.test(attributes.RawMessageDelivery)
    ) {
      throw invalidParameter('Attributes', 'RawMessageDelivery must be true or false');
    }
    const { subscription, isNew } = this.ctx.transaction(() => {
      const existing = this.store
        .subscriptionsOf(topic.arn)
        .items.find((s) => s.protocol === protocol && s.endpoint === endpoint);
      if (existing) {
        if (!sameEntries(existing.attributes, attributes)) {
          throw invalidParameter('Attributes', 'Subscription already exists with different attributes');
        }
        return { subscription: existing, isNew: false };
      }
      const created: SubscriptionRecord = {
        ...scope,
        arn: `${topic.arn}:${randomUUID()}`,
        topicArn: topic.arn,
        protocol: protocol as SubscriptionProtocol,
        endpoint,
        token: randomBytes(64).toString('hex'),
        confirmed: false,
        createdAt: this.ctx.now(),
        attributes: { ...attributes },
      };
      this.store.insertSubscription(created);
      return { subscription: created, isNew: true };
    });
    // A repeated Subscribe of a pending subscription asks for confirmation again, as SNS does [inf].
    if (isNew || !subscription.confirmed) this.ctx.deliver.confirmationRequest(subscription);
    return subscription;
  }

  /** ConfirmSubscription (and the SubscribeURL): the token must belong to a subscription of that topic. */
  confirmSubscription(scope: Scope, topicArnValue: string | undefined, token: string | undefined): string {
    const topic = this.requireTopic(scope, topicArnValue);
    if (token === undefined || token === '') throw invalidParameter('Token');
    return this.ctx.transaction(() => {
      const subscription = this.store.subscriptionByToken(token);
      if (!subscription) throw new InvalidParameter('Invalid token');
      if (subscription.topicArn !== topic.arn) throw invalidParameter('Topic');
      if (!subscription.confirmed) this.store.updateSubscription({ ...subscription, confirmed: true });
      return subscription.arn;
    });
  }

  listSubscriptionsByTopic(
    scope: Scope,
    arn: string | undefined,
    token: string | undefined,
  ): { subscriptions: SubscriptionRecord[]; nextToken?: string } {
    const topic = this.requireTopic(scope, arn);
    const result = this.store.subscriptionsOf(topic.arn, this.page('subscriptions', token));
    return { subscriptions: result.items, nextToken: nextToken('subscriptions', result.lastSeq) };
  }

  /** Unsubscribe: idempotent [obs]; a malformed ARN is SNS's InvalidParameter. */
  unsubscribe(scope: Scope, arn: string | undefined): void {
    if (arn === undefined || arn === '') throw invalidParameter('SubscriptionArn');
    const parsed = parseSnsArn(arn, 'SubscriptionArn');
    if (parsed.region !== scope.region || !parsed.resource.includes(':')) {
      throw invalidParameter('SubscriptionArn');
    }
    if (parsed.accountId !== scope.accountId) {
      throw new AuthorizationError(
        `User: arn:aws:iam::${scope.accountId}:root is not authorized to access this resource: ${arn}`,
      );
    }
    this.ctx.transaction(() => this.store.deleteSubscription(arn));
  }

  /** Publish (the API): checks the input as SNS does, then `publishOnTopic`. */
  publish(scope: Scope, input: PublishInput): PublishedMessage {
    if (input.phoneNumber !== undefined) {
      throw invalidParameter('PhoneNumber', 'SMS is not supported by this emulator; publish to a topic');
    }
    const target = input.topicArn ?? input.targetArn;
    const param = input.topicArn !== undefined ? 'TopicArn' : 'TargetArn';
    if (input.topicArn !== undefined && input.targetArn !== undefined) {
      throw invalidParameter('TopicArn or TargetArn', 'Only one of them may be given');
    }
    if (target === undefined) throw invalidParameter('TopicArn or TargetArn', 'One of them is required');
    const topic = this.requireTopic(scope, target, param);
    let message = input.message;
    if (message === undefined || message === '') throw invalidParameter('Empty message');
    if (Buffer.byteLength(message) > LIMITS.messageBytes) throw invalidParameter('Message too long');
    if (input.messageStructure !== undefined) {
      if (input.messageStructure !== 'json') throw invalidParameter('MessageStructure');
      message = defaultOfJsonStructure(message);
    }
    if (input.subject !== undefined) {
      // SNS: printable ASCII without line breaks, fewer than 100 characters [model].
      if (input.subject === '' || input.subject.length >= LIMITS.subject || /[\r\n]/.test(input.subject)) {
        throw invalidParameter('Subject');
      }
    }
    for (const [name, attr] of Object.entries(input.messageAttributes ?? {})) {
      if (!/^(String|Number|Binary)(\..+)?$/.test(attr.DataType)) {
        throw new InvalidParameter(
          `The message attribute '${name}' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.`,
        );
      }
      const value = attr.DataType.startsWith('Binary') ? attr.BinaryValue : attr.StringValue;
      if (value === undefined) {
        throw new InvalidParameter(
          `The message attribute '${name}' must contain non-empty message attribute value.`,
        );
      }
    }
    return this.publishOnTopic(topic, {
      message,
      subject: input.subject,
      messageAttributes: input.messageAttributes ?? {},
      publisher: 'api',
    });
  }

  /** Stores a message and hands it to the topic's confirmed subscribers (Publish, and SES's feedback). */
  publishOnTopic(
    topic: TopicRecord,
    input: Pick<PublishedMessage, 'message' | 'subject' | 'messageAttributes' | 'publisher'>,
  ): PublishedMessage {
    const { message, subscriptions } = this.ctx.transaction(() => {
      const stored: PublishedMessage = {
        accountId: topic.accountId,
        region: topic.region,
        id: messageId(),
        topicArn: topic.arn,
        ...(input.subject !== undefined && { subject: input.subject }),
        message: input.message,
        messageAttributes: input.messageAttributes,
        publisher: input.publisher,
        timestamp: this.ctx.now(),
      };
      this.store.insertMessage(stored);
      return {
        message: stored,
        subscriptions: this.store.subscriptionsOf(topic.arn).items.filter((s) => s.confirmed),
      };
    });
    if (subscriptions.length > 0) this.ctx.deliver.notification(message, subscriptions);
    return message;
  }

  /** The topic an ARN names, whatever the caller's scope (SES checks Region and account itself). */
  topicByArn(arn: string): TopicRecord | undefined {
    const topic = topicOfArn(arn);
    return topic && this.store.getTopic(topic, topic.name);
  }

  /** Captured messages, newest first. */
  messages(filter: { topicArn?: string; limit?: number }): PublishedMessage[] {
    return this.store.listMessages({ topicArn: filter.topicArn, limit: filter.limit ?? 1000 });
  }

  clearMessages(topicArn?: string): number {
    return this.store.deleteMessages(topicArn);
  }
}

function checkEndpoint(protocol: SubscriptionProtocol, endpoint: string): void {
  if (endpoint === '') throw invalidParameter('Endpoint');
  if (protocol === 'email' || protocol === 'email-json') {
    if (!EMAIL.test(endpoint)) throw invalidParameter('Email address');
    return;
  }
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw invalidParameter('Endpoint', `${endpoint} is not a URL`);
  }
  if (url.protocol !== `${protocol}:`) throw invalidParameter('Endpoint must match the specified protocol');
  if (!LOOPBACK_HOSTS.has(url.hostname)) {
    throw invalidParameter(
      'Endpoint',
      `the emulator delivers only to loopback endpoints (127.0.0.1, [::1], localhost), not ${url.hostname}`,
    );
  }
}

/** `MessageStructure=json`: the message is a JSON object of per-protocol texts; `default` is required. */
function defaultOfJsonStructure(message: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(message);
  } catch {
    throw invalidParameter('Message Structure - JSON message body failed to parse');
  }
  const value =
    parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>).default : undefined;
  if (typeof value !== 'string')
    throw invalidParameter('Message Structure - No default entry in JSON message body');
  return value;
}

function defaultPolicy(topic: TopicRecord) {
  return {
    Version: '2008-10-17',
    Id: '__default_policy_ID',
    Statement: [
      {
        Sid: '__default_statement_ID',
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: [
          'SNS:GetTopicAttributes',
          'SNS:SetTopicAttributes',
          'SNS:AddPermission',
          'SNS:RemovePermission',
          'SNS:DeleteTopic',
          'SNS:Subscribe',
          'SNS:ListSubscriptionsByTopic',
          'SNS:Publish',
        ],
        Resource: topic.arn,
        Condition: { StringEquals: { 'AWS:SourceOwner': topic.accountId } },
      },
    ],
  };
}

const EFFECTIVE_DELIVERY_POLICY = {
  http: {
    defaultHealthyRetryPolicy: {
      minDelayTarget: 20,
      maxDelayTarget: 20,
      numRetries: 3,
      numMaxDelayRetries: 0,
      numNoDelayRetries: 0,
      numMinDelayRetries: 0,
      backoffFunction: 'linear',
    },
    disableSubscriptionOverrides: false,
    defaultRequestPolicy: { headerContentType: 'text/plain; charset=UTF-8' },
  },
};
