import { z } from 'zod';
import { snsTopicArnSchema, snsTopicNameSchema } from './validation.js';

/**
 * An identity's feedback notifications (SES v1 `GetIdentityNotificationAttributes` /
 * `SetIdentityNotificationTopic` / `SetIdentityHeadersInNotificationsEnabled` /
 * `SetIdentityFeedbackForwardingEnabled`) and the Region's SNS topics they go to.
 */
export const feedbackTypes = ['bounce', 'complaint', 'delivery'] as const;
export type FeedbackType = (typeof feedbackTypes)[number];

/** SES's own names of the types (`NotificationType`), for labels and the SDK. */
export const feedbackTypeLabels: Record<FeedbackType, 'Bounce' | 'Complaint' | 'Delivery'> = {
  bounce: 'Bounce',
  complaint: 'Complaint',
  delivery: 'Delivery',
};

/** Where one type of feedback goes: a topic (or none) and whether the original headers are included. */
export const feedbackNotificationSchema = z.object({
  topicArn: z.string().nullable(),
  includeHeaders: z.boolean(),
});
export type FeedbackNotification = z.infer<typeof feedbackNotificationSchema>;

/** Answer of `GET …/notifications` and of its PUT (the settings after the change). */
export const notificationSettingsSchema = z.object({
  bounce: feedbackNotificationSchema,
  complaint: feedbackNotificationSchema,
  delivery: feedbackNotificationSchema,
  /** Email feedback forwarding: bounces and complaints emailed to the sender (or Return-Path). */
  forwardingEnabled: z.boolean(),
});
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

const feedbackNotificationInputSchema = z.object({
  /** null: No SNS topic. */
  topicArn: snsTopicArnSchema.nullable(),
  includeHeaders: z.boolean(),
});

/**
 * `PUT …/notifications`: the types to change and/or forwarding; what is left out stays as it is. The
 * BFF checks the result against SES's rule before any call: forwarding can be off only while Bounce
 * and Complaint both have topics.
 */
export const updateNotificationsRequestSchema = z.object({
  bounce: feedbackNotificationInputSchema.optional(),
  complaint: feedbackNotificationInputSchema.optional(),
  delivery: feedbackNotificationInputSchema.optional(),
  forwardingEnabled: z.boolean().optional(),
});
export type UpdateNotificationsRequest = z.infer<typeof updateNotificationsRequestSchema>;

/** The rule SES enforces, in words a form can show under the forwarding checkbox. */
export const FORWARDING_RULE =
  'Email feedback forwarding can be disabled only while Bounce and Complaint notifications both go to SNS topics';

/** Which of Bounce and Complaint still lack a topic for forwarding to be off (empty: the rule holds). */
export function typesMissingForNoForwarding(settings: {
  bounce: { topicArn: string | null };
  complaint: { topicArn: string | null };
}): FeedbackType[] {
  return (['bounce', 'complaint'] as const).filter((type) => !settings[type].topicArn);
}

export const snsTopicSchema = z.object({ arn: z.string(), name: z.string() });
export type SnsTopic = z.infer<typeof snsTopicSchema>;

/** Most topics the list reads (100 pages of ListTopics); `truncated` says there were more. */
export const SNS_TOPIC_LIST_MAX = 10_000;

export const listSnsTopicsResponseSchema = z.object({
  topics: z.array(snsTopicSchema),
  truncated: z.boolean(),
});
export type ListSnsTopicsResponse = z.infer<typeof listSnsTopicsResponseSchema>;

/** Emulator only: `POST /api/emulator/regions/:region/sns-topics`. */
export const createSnsTopicRequestSchema = z.object({ name: snsTopicNameSchema });
export type CreateSnsTopicRequest = z.infer<typeof createSnsTopicRequestSchema>;

/** Emulator only: a message an emulated topic received (SNS's own fields; `message` as published). */
export const snsMessageSchema = z.object({
  messageId: z.string(),
  topicArn: z.string(),
  subject: z.string().optional(),
  message: z.string(),
  timestamp: z.string(),
  /** For SES feedback: its `notificationType` (Bounce, Complaint, Delivery, AmazonSnsSubscriptionSucceeded). */
  notificationType: z.string().optional(),
  /** For SES feedback about a message: that message's id (`mail.messageId`). */
  sesMessageId: z.string().optional(),
});
export type SnsMessage = z.infer<typeof snsMessageSchema>;

export const snsMessagesQuerySchema = z.object({
  topicArn: snsTopicArnSchema.optional(),
  /** Only the feedback about this SES message. */
  sesMessageId: z.string().min(1).max(200).optional(),
});

export const snsMessagesResponseSchema = z.object({ messages: z.array(snsMessageSchema) });
export type SnsMessagesResponse = z.infer<typeof snsMessagesResponseSchema>;
