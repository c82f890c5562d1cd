import { ConfigurationSetModel } from './configuration-sets.js';
import type { ModelContext } from './context.js';
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
}

export function createSesModel(ctx: ModelContext): SesModel {
  const identities = new IdentityModel(ctx);
  return {
    ctx,
    identities,
    policies: new PolicyModel(ctx, identities),
    configurationSets: new ConfigurationSetModel(ctx),
    tagging: new TaggingModel(ctx),
    sending: new SendingModel(ctx),
  };
}
