import { getNotificationSettings, updateNotificationSettings } from '../services/notification-service.js';
import { type RouteBinding, route } from './route-spec.js';

/** `/api/regions/:region/identities/:identity/notifications`: feedback topics, headers and forwarding (SES v1). */
export function notificationRoutes(): RouteBinding[] {
  return [
    route('getNotifications', ({ params: { region, identity } }, { ctx }) =>
      getNotificationSettings(ctx, region, identity),
    ),
    route('updateNotifications', ({ params: { region, identity }, body }, { ctx }) =>
      updateNotificationSettings(ctx, region, identity, body),
    ),
  ];
}
