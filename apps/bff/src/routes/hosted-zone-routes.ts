import { findPublicHostedZone } from '../services/route53-zones.js';
import { type RouteBinding, route } from './route-spec.js';

/** `/api/hosted-zones/lookup?domain=`: which public hosted zone covers a domain (the create page asks). */
export function hostedZoneRoutes(): RouteBinding[] {
  return [
    route('lookupHostedZone', async ({ query: { domain } }, { ctx }) => {
      const hostedZone = await findPublicHostedZone(ctx.clients.route53(), domain);
      return { domain, ...(hostedZone ? { hostedZone } : {}) };
    }),
  ];
}
