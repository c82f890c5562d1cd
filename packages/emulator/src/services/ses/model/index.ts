import { AccountModel } from './account.js';
import { ConfigurationSetModel } from './configuration-sets.js';
import type { ModelContext } from './context.js';
import { Delivery } from './delivery.js';
import { feedbackPublisher } from './feedback.js';
import { IdentityModel } from './identities.js';
import { NO_TOPICS, NotificationSettingsModel, type TopicDirectory } from './notification-settings.js';
import { PolicyModel } from './policies.js';
import { SendingModel } from './sending.js';
import { SuppressionModel } from './suppression.js';
import { TaggingModel } from './tagging.js';
import { TemplateModel } from './templates.js';
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
  /** Sandbox / production access, quotas and their use, account settings. */
  account: AccountModel;
  /** The account-level suppression list (its delivery rule and listener are registered here). */
  suppression: SuppressionModel;
  templates: TemplateModel;
  /** Each accepted message's per-recipient outcome, and who hears of it (feedback, events). */
  delivery: Delivery;
}

/** `topics`: the SNS topics SES may publish feedback to (none without SNS). */
export function createSesModel(ctx: ModelContext, topics: TopicDirectory = NO_TOPICS): SesModel {
  const identities = new IdentityModel(ctx);
  const delivery = new Delivery();
  const account = new AccountModel(ctx);
  const templates = new TemplateModel(ctx);
  const suppression = new SuppressionModel(ctx, account);
  // A suppressed recipient bounces before any other rule (the simulator's included) is asked.
  delivery.addRule(suppression.rule, 'first');
  delivery.onSent(suppression.onSent);
  const notifications = new NotificationSettingsModel(ctx, topics);
  delivery.onSent(feedbackPublisher(ctx, notifications, topics));
  return {
    ctx,
    identities,
    policies: new PolicyModel(ctx, identities),
    configurationSets: new ConfigurationSetModel(ctx),
    tagging: new TaggingModel(ctx),
    sending: new SendingModel(ctx, delivery, account, templates),
    verifyRequests: new VerifyRequestModel(ctx, identities),
    account,
    suppression,
    templates,
    delivery,
    notifications,
  };
}
