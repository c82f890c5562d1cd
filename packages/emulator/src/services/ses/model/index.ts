import { AccountModel } from './account.js';
import { ConfigurationSetModel } from './configuration-sets.js';
import type { ModelContext } from './context.js';
import { Delivery } from './delivery.js';
import { IdentityModel } from './identities.js';
import { PolicyModel } from './policies.js';
import { SendingModel } from './sending.js';
import { SuppressionModel } from './suppression.js';
import { TaggingModel } from './tagging.js';
import { TemplateModel } from './templates.js';

/** The SES model: every rule and state change, no HTTP (shared by SES v1 and v2). */
export interface SesModel {
  ctx: ModelContext;
  identities: IdentityModel;
  policies: PolicyModel;
  configurationSets: ConfigurationSetModel;
  tagging: TaggingModel;
  sending: SendingModel;
  /** Sandbox / production access, quotas and their use, account settings. */
  account: AccountModel;
  /** The account-level suppression list (its delivery rule and listener are registered here). */
  suppression: SuppressionModel;
  templates: TemplateModel;
  /** Each accepted message's per-recipient outcome, and who hears of it (feedback, events). */
  delivery: Delivery;
}

export function createSesModel(ctx: ModelContext): SesModel {
  const identities = new IdentityModel(ctx);
  const delivery = new Delivery();
  const account = new AccountModel(ctx);
  const templates = new TemplateModel(ctx);
  const suppression = new SuppressionModel(ctx, account);
  // A suppressed recipient bounces before any other rule (the simulator's included) is asked.
  delivery.addRule(suppression.rule, 'first');
  delivery.onSent(suppression.onSent);
  return {
    ctx,
    identities,
    policies: new PolicyModel(ctx, identities),
    configurationSets: new ConfigurationSetModel(ctx),
    tagging: new TaggingModel(ctx),
    sending: new SendingModel(ctx, delivery, account, templates),
    account,
    suppression,
    templates,
    delivery,
  };
}
