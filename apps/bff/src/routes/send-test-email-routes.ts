import { sendTestEmail } from '../services/test-email-service.js';
import { type RouteBinding, type RouteDeps, route } from './route-spec.js';

/** `/api/regions/:region/send-test-email`. */
export function sendTestEmailRoutes(deps: RouteDeps): RouteBinding[] {
  return [route('sendTestEmail', ({ params: { region }, body }) => sendTestEmail(deps.ctx, region, body))];
}
