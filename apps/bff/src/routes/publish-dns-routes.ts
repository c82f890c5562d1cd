import { publishDnsRecords } from '../services/publish-dns-service.js';
import { type RouteBinding, type RouteDeps, route } from './route-spec.js';

/** `/api/regions/:region/identities/:identity/publish-dns`. */
export function publishDnsRoutes(deps: RouteDeps): RouteBinding[] {
  return [
    route('publishDns', ({ params: { region, identity }, body }) =>
      publishDnsRecords(deps.ctx, region, identity, body.scope, body.confirm, { dmarc: body.dmarc }),
    ),
  ];
}
