import { ConfigurationSetModel } from './configuration-sets.js';
import type { ModelContext } from './context.js';
import { Delivery } from './delivery.js';
import { IdentityModel } from './identities.js';
import { PolicyModel } from './policies.js';
import { SendingModel } from './sending.js';
import { TaggingModel } from './tagging.js';

/** The SES v2 model: every rule and state change, no HTTP. */
export interface SesModel {
  ctx: ModelContext;
  identities: IdentityModel;
  policies: PolicyModel;
  configurationSets: ConfigurationSetModel;
  tagging: TaggingModel;
  sending: SendingModel;
  /** Each accepted message's per-recipient outcome, and who hears of it (feedback, events). */
  delivery: Delivery;
}

export function createSesModel(ctx: ModelContext): SesModel {
  const identities = new IdentityModel(ctx);
  const delivery = new Delivery();
  return {
    ctx,
    identities,
    policies: new PolicyModel(ctx, identities),
    configurationSets: new ConfigurationSetModel(ctx),
    tagging: new TaggingModel(ctx),
    sending: new SendingModel(ctx, delivery),
    delivery,
  };
}
