import type { Migration } from '../db.js';

/**
 * Notifications: SES identities' feedback-notification settings (the SES v1 Notification API; the
 * forwarding flag stays in the identity's own record, `ses_identities.doc.feedbackForwarding`) and the
 * SNS state that feedback is published to: topics, subscriptions and every published message. SNS
 * keeps records as JSON (`doc`) beside the columns its queries filter and order on, like SES.
 */
export const notificationsSns: Migration = {
  id: '005-notifications-sns',
  sql: `
    CREATE TABLE ses_identity_notifications (
      account_id TEXT NOT NULL,
      region TEXT NOT NULL,
      identity TEXT NOT NULL,
      doc TEXT NOT NULL,
      PRIMARY KEY (account_id, region, identity)
    );
    CREATE TABLE sns_topics (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      account_id TEXT NOT NULL,
      region TEXT NOT NULL,
      name TEXT NOT NULL,
      doc TEXT NOT NULL,
      UNIQUE (account_id, region, name)
    );
    CREATE TABLE sns_subscriptions (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      arn TEXT NOT NULL UNIQUE,
      topic_arn TEXT NOT NULL,
      token TEXT NOT NULL UNIQUE,
      doc TEXT NOT NULL
    );
    CREATE INDEX sns_subscriptions_by_topic ON sns_subscriptions (topic_arn, seq);
    CREATE TABLE sns_messages (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      account_id TEXT NOT NULL,
      region TEXT NOT NULL,
      topic_arn TEXT NOT NULL,
      timestamp INTEGER NOT NULL,
      doc TEXT NOT NULL
    );
    CREATE INDEX sns_messages_by_topic ON sns_messages (topic_arn, seq);
    CREATE INDEX sns_messages_by_account ON sns_messages (account_id, seq);
  `,
};
