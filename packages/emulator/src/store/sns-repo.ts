import type { Db } from './db.js';
import type { Page, PageRequest, Scope } from './ses-records.js';
import type { PublishedMessage, SubscriptionRecord, TopicRecord } from './sns-records.js';

interface Row {
  seq: number;
  doc: string;
}

function page<T>(rows: Row[], size: number): Page<T> {
  const more = rows.length > size;
  const items = rows.slice(0, size);
  return {
    items: items.map((r) => JSON.parse(r.doc) as T),
    lastSeq: more ? items[items.length - 1]?.seq : undefined,
  };
}

/** SNS topics, subscriptions and published messages; whole records as JSON, query columns beside them. */
export class SnsRepo {
  constructor(private readonly db: Db) {}

  getTopic(scope: Scope, name: string): TopicRecord | undefined {
    const row = this.db
      .prepare('SELECT doc FROM sns_topics WHERE account_id = ? AND region = ? AND name = ?')
      .get(scope.accountId, scope.region, name) as Row | undefined;
    return row ? (JSON.parse(row.doc) as TopicRecord) : undefined;
  }

  countTopics(scope: Scope): number {
    return (
      this.db
        .prepare('SELECT COUNT(*) AS n FROM sns_topics WHERE account_id = ? AND region = ?')
        .get(scope.accountId, scope.region) as { n: number }
    ).n;
  }

  insertTopic(topic: TopicRecord): void {
    this.db
      .prepare('INSERT INTO sns_topics (account_id, region, name, doc) VALUES (?, ?, ?, ?)')
      .run(topic.accountId, topic.region, topic.name, JSON.stringify(topic));
  }

  listTopics(scope: Scope, request: PageRequest): Page<TopicRecord> {
    const rows = this.db
      .prepare(
        'SELECT seq, doc FROM sns_topics WHERE account_id = ? AND region = ? AND seq > ? ORDER BY seq LIMIT ?',
      )
      .all(scope.accountId, scope.region, request.afterSeq, request.pageSize + 1) as Row[];
    return page(rows, request.pageSize);
  }

  /** Deletes the topic and its subscriptions (its captured messages stay, as a log). */
  deleteTopic(topic: TopicRecord): void {
    this.db
      .prepare('DELETE FROM sns_topics WHERE account_id = ? AND region = ? AND name = ?')
      .run(topic.accountId, topic.region, topic.name);
    this.db.prepare('DELETE FROM sns_subscriptions WHERE topic_arn = ?').run(topic.arn);
  }

  insertSubscription(subscription: SubscriptionRecord): void {
    this.db
      .prepare('INSERT INTO sns_subscriptions (arn, topic_arn, token, doc) VALUES (?, ?, ?, ?)')
      .run(subscription.arn, subscription.topicArn, subscription.token, JSON.stringify(subscription));
  }

  updateSubscription(subscription: SubscriptionRecord): void {
    this.db
      .prepare('UPDATE sns_subscriptions SET doc = ? WHERE arn = ?')
      .run(JSON.stringify(subscription), subscription.arn);
  }

  getSubscription(arn: string): SubscriptionRecord | undefined {
    const row = this.db.prepare('SELECT doc FROM sns_subscriptions WHERE arn = ?').get(arn) as
      | Row
      | undefined;
    return row ? (JSON.parse(row.doc) as SubscriptionRecord) : undefined;
  }

  subscriptionByToken(token: string): SubscriptionRecord | undefined {
    const row = this.db.prepare('SELECT doc FROM sns_subscriptions WHERE token = ?').get(token) as
      | Row
      | undefined;
    return row ? (JSON.parse(row.doc) as SubscriptionRecord) : undefined;
  }

  deleteSubscription(arn: string): boolean {
    return this.db.prepare('DELETE FROM sns_subscriptions WHERE arn = ?').run(arn).changes > 0;
  }

  /** A topic's subscriptions in creation order, a page at a time (`request`) or all of them. */
  subscriptionsOf(topicArn: string, request?: PageRequest): Page<SubscriptionRecord> {
    const size = request?.pageSize ?? Number.MAX_SAFE_INTEGER;
    const rows = this.db
      .prepare('SELECT seq, doc FROM sns_subscriptions WHERE topic_arn = ? AND seq > ? ORDER BY seq LIMIT ?')
      .all(topicArn, request?.afterSeq ?? 0, request ? request.pageSize + 1 : -1) as Row[];
    return page(rows, size);
  }

  insertMessage(message: PublishedMessage): void {
    this.db
      .prepare(
        'INSERT INTO sns_messages (id, account_id, region, topic_arn, timestamp, doc) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(
        message.id,
        message.accountId,
        message.region,
        message.topicArn,
        message.timestamp,
        JSON.stringify(message),
      );
  }

  /** Published messages, newest first, optionally of one topic only. */
  listMessages(filter: { topicArn?: string; limit: number }): PublishedMessage[] {
    const rows = this.db
      .prepare('SELECT doc FROM sns_messages WHERE (? IS NULL OR topic_arn = ?) ORDER BY seq DESC LIMIT ?')
      .all(filter.topicArn ?? null, filter.topicArn ?? null, filter.limit) as Row[];
    return rows.map((r) => JSON.parse(r.doc) as PublishedMessage);
  }

  deleteMessages(topicArn?: string): number {
    return this.db
      .prepare('DELETE FROM sns_messages WHERE (? IS NULL OR topic_arn = ?)')
      .run(topicArn ?? null, topicArn ?? null).changes;
  }
}
