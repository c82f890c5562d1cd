import { ConfigurationSetModel } from './configuration-sets.js';
import type { ModelContext } from './context.js';
import { Delivery } from './delivery.js';
import { feedbackPublisher } from './feedback.js';
import { IdentityModel } from './identities.js';
import { NO_TOPICS, NotificationSettingsModel, type TopicDirectory } from './notification-settings.js';
import { PolicyModel } from './policies.js';
import { SendingModel } from './sending.js';
import { TaggingModel } from './tagging.js';
import { VerifyRequestModel } from './verify-requests.js';

/** The SES model (v1 and v2 share it): every rule and state change, no HTTP. */
export interface SesModel {
  ctx: ModelContext;
  identities: IdentityModel;
  policies: PolicyModel;
  configurationSets: ConfigurationSetModel;
  tagging: TaggingModel;
  sending: SendingModel;
  /** SES v1's Verify* requests (add-or-retry, idempotent) over the same identities. */
  verifyRequests: VerifyRequestModel;
  /** Feedback notifications per identity: SNS topics, headers, email feedback forwarding. */
  notifications: NotificationSettingsModel;
  /** Each accepted message's per-recipient outcome, and who hears of it (feedback, events). */
  delivery: Delivery;
}

/** `topics`: the SNS topics SES may publish feedback to (none without SNS). */
export function createSesModel(ctx: ModelContext, topics: TopicDirectory = NO_TOPICS): SesModel {
  const identities = new IdentityModel(ctx);
  const delivery = new Delivery();
  const notifications = new NotificationSettingsModel(ctx, topics);
  delivery.onSent(feedbackPublisher(ctx, notifications, topics));
  return {
    ctx,
    identities,
    policies: new PolicyModel(ctx, identities),
    configurationSets: new ConfigurationSetModel(ctx),
    tagging: new TaggingModel(ctx),
    sending: new SendingModel(ctx, delivery),
    verifyRequests: new VerifyRequestModel(ctx, identities),
    delivery,
    notifications,
  };
}
