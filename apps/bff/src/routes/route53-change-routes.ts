import { readChange } from '../services/route53-zones.js';
import { type RouteBinding, route } from './route-spec.js';

/**
 * `/api/route53/changes/:changeId`: one GetChange, so the console can follow a publish's change from
 * PENDING to INSYNC (Route 53 typically gets there within 60 s) without holding the publish request open.
 */
export function route53ChangeRoutes(): RouteBinding[] {
  return [
    route('getRoute53Change', ({ params: { changeId } }, { ctx }) =>
      readChange(ctx.clients.route53(), changeId),
    ),
  ];
}
