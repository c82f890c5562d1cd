import { getNotificationSettings, updateNotificationSettings } from '../services/notification-service.js';
import { type RouteBinding, type RouteDeps, route } from './route-spec.js';

/** `/api/regions/:region/identities/:identity/notifications`: feedback topics, headers and forwarding (SES v1). */
export function notificationRoutes(deps: RouteDeps): RouteBinding[] {
  const { ctx } = deps;
  return [
    route('getNotifications', ({ params: { region, identity } }) =>
      getNotificationSettings(ctx, region, identity),
    ),
    route('updateNotifications', ({ params: { region, identity }, body }) =>
      updateNotificationSettings(ctx, region, identity, body),
    ),
  ];
}
