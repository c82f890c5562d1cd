import { listIdentitiesInAllRegions } from '../services/all-regions-identity-list-service.js';
import { type RouteBinding, type RouteDeps, route } from './route-spec.js';

/** `/api/identities`: the identities of every configured region. */
export function allRegionsRoutes(deps: RouteDeps): RouteBinding[] {
  return [
    route('listAllRegionsIdentities', async ({ query }, { req }) => {
      const regions = deps.regions.map((r) => r.code);
      const body = await listIdentitiesInAllRegions(deps.ctx, regions, query);
      for (const failed of body.regions) {
        if (failed.outcome === 'failed') {
          req.log?.warn({ region: failed.region, code: failed.error.code }, 'region could not be listed');
        }
      }
      return body;
    }),
  ];
}
