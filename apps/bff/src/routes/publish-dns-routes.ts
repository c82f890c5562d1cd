import { publishDnsRecords } from '../services/publish-dns-service.js';
import { type RouteBinding, route } from './route-spec.js';

/** `/api/regions/:region/identities/:identity/publish-dns`. */
export function publishDnsRoutes(): RouteBinding[] {
  return [
    route('publishDns', ({ params: { region, identity }, body }, { ctx }) =>
      publishDnsRecords(ctx, region, identity, body.scope, body.confirm, { dmarc: body.dmarc }),
    ),
  ];
}
