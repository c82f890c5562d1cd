import { diagnoseDns } from '../services/dns-diagnostics-service.js';
import { type RouteBinding, type RouteDeps, route } from './route-spec.js';

/** `/api/regions/:region/identities/:identity/dns-diagnostics`. */
export function dnsDiagnosticsRoutes(deps: RouteDeps): RouteBinding[] {
  return [
    route('getDnsDiagnostics', ({ params: { region, identity } }, { ctx }) =>
      diagnoseDns(ctx, deps.dns, region, identity),
    ),
  ];
}
