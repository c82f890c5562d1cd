import type { Scope } from './ses-records.js';

/**
 * The SNS records as the store keeps them (`sns-repo.ts`) and the SNS model (`services/sns/`) reads
 * and writes: topics, subscriptions and every published message. Times are epoch ms on the emulator
 * clock.
 */

export interface TopicRecord extends Scope {
  name: string;
  arn: string;
  createdAt: number;
  /** The attributes given on create (DisplayName, …), echoed by GetTopicAttributes. */
  attributes: Record<string, string>;
  tags: Array<{ Key: string; Value: string }>;
}

export type SubscriptionProtocol = 'http' | 'https' | 'email' | 'email-json';

export interface SubscriptionRecord extends Scope {
  /** `<topicArn>:<uuid>`, also while the subscription waits for its confirmation. */
  arn: string;
  topicArn: string;
  protocol: SubscriptionProtocol;
  endpoint: string;
  /** The confirmation token sent in the SubscriptionConfirmation message. */
  token: string;
  confirmed: boolean;
  createdAt: number;
  attributes: Record<string, string>;
}

export interface PublishedMessageAttribute {
  DataType: string;
  StringValue?: string;
  BinaryValue?: string;
}

/** A message published on a topic (by Publish, or by SES feedback), as `GET /_emulator/sns` shows it. */
export interface PublishedMessage extends Scope {
  id: string;
  topicArn: string;
  subject?: string;
  message: string;
  messageAttributes: Record<string, PublishedMessageAttribute>;
  /** Who published: `api` (Publish), or `ses` (feedback and SES's own notifications). */
  publisher: 'api' | 'ses';
  timestamp: number;
}
