import {
  replaceTags,
  updateDefaultConfigurationSet,
  updateDkim,
  updateFeedbackForwarding,
  updateMailFrom,
} from '../services/identity-edit-service.js';
import { type RouteBinding, route } from './route-spec.js';

/**
 * `/api/regions/:region/identities/:identity/{dkim,mail-from,feedback,configuration-set,tags}`: each
 * edit answers the identity as it then is (the services re-read it), so the console renders it at once.
 */
export function identitySettingsRoutes(): RouteBinding[] {
  return [
    route('updateDkim', ({ params: { region, identity }, body }, { ctx }) =>
      updateDkim(ctx, region, identity, body),
    ),
    route('updateMailFrom', ({ params: { region, identity }, body }, { ctx }) =>
      updateMailFrom(ctx, region, identity, body),
    ),
    route('updateFeedback', ({ params: { region, identity }, body }, { ctx }) =>
      updateFeedbackForwarding(ctx, region, identity, body.emailForwardingEnabled),
    ),
    route('updateConfigurationSet', ({ params: { region, identity }, body }, { ctx }) =>
      updateDefaultConfigurationSet(ctx, region, identity, body.configurationSetName),
    ),
    route('replaceTags', ({ params: { region, identity }, body }, { ctx }) =>
      replaceTags(ctx, region, identity, body.tags),
    ),
  ];
}
