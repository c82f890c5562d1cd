import { sendTestEmail } from '../services/test-email-service.js';
import { type RouteBinding, route } from './route-spec.js';

/** `/api/regions/:region/send-test-email`. */
export function sendTestEmailRoutes(): RouteBinding[] {
  return [
    route('sendTestEmail', ({ params: { region }, body }, { ctx }) => sendTestEmail(ctx, region, body)),
  ];
}
