import { findPublicHostedZone } from '../services/route53-zones.js';
import { type RouteBinding, type RouteDeps, route } from './route-spec.js';

/** `/api/hosted-zones/lookup?domain=`: which public hosted zone covers a domain (the create page asks). */
export function hostedZoneRoutes(deps: RouteDeps): RouteBinding[] {
  return [
    route('lookupHostedZone', async ({ query: { domain } }) => {
      const hostedZone = await findPublicHostedZone(deps.ctx.clients.route53(), domain);
      return { domain, ...(hostedZone ? { hostedZone } : {}) };
    }),
  ];
}
