import {
  replaceTags,
  updateDefaultConfigurationSet,
  updateDkim,
  updateFeedbackForwarding,
  updateMailFrom,
} from '../services/identity-edit-service.js';
import { type RouteBinding, type RouteDeps, route } from './route-spec.js';

/**
 * `/api/regions/:region/identities/:identity/{dkim,mail-from,feedback,configuration-set,tags}`: each
 * edit answers the identity as it then is (the services re-read it), so the console renders it at once.
 */
export function identitySettingsRoutes(deps: RouteDeps): RouteBinding[] {
  const { ctx } = deps;
  return [
    route('updateDkim', ({ params: { region, identity }, body }) => updateDkim(ctx, region, identity, body)),
    route('updateMailFrom', ({ params: { region, identity }, body }) =>
      updateMailFrom(ctx, region, identity, body),
    ),
    route('updateFeedback', ({ params: { region, identity }, body }) =>
      updateFeedbackForwarding(ctx, region, identity, body.emailForwardingEnabled),
    ),
    route('updateConfigurationSet', ({ params: { region, identity }, body }) =>
      updateDefaultConfigurationSet(ctx, region, identity, body.configurationSetName),
    ),
    route('replaceTags', ({ params: { region, identity }, body }) =>
      replaceTags(ctx, region, identity, body.tags),
    ),
  ];
}
