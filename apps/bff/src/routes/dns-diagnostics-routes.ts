import { apiPaths, dnsDiagnosticsResponseSchema } from '@ses-console/contract';
import { diagnoseDns } from '../services/dns-diagnostics-service.js';
import { identityOf, paramSchemas, regionOf } from './params.js';
import type { RouteDeps, RouteSpec } from './route-spec.js';

export function dnsDiagnosticsRoutes(deps: RouteDeps): RouteSpec[] {
  return [
    {
      method: 'get',
      path: apiPaths.dnsDiagnostics,
      tag: 'Identities',
      summary:
        'What public DNS answers now for each record SES asks for (and the recommended DMARC record), through the configured resolvers (DNS_SERVERS)',
      params: { region: paramSchemas.region, identity: paramSchemas.identity },
      responses: {
        200: {
          description: 'One check per record: found, missing, wrong_value or resolver_error',
          schema: dnsDiagnosticsResponseSchema,
        },
      },
      handler: async (req, res) => {
        res.json(await diagnoseDns(deps.ctx, deps.dns, regionOf(req, deps), identityOf(req)));
      },
    },
  ];
}
