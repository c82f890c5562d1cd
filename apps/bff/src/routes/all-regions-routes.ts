import { listIdentitiesInAllRegions } from '../services/all-regions-identity-list-service.js';
import { type RouteBinding, route } from './route-spec.js';

/** `/api/identities`: the identities of every Region offered in the request's account. */
export function allRegionsRoutes(): RouteBinding[] {
  return [
    route('listAllRegionsIdentities', async ({ query }, { req, ctx, scope }) => {
      const body = await listIdentitiesInAllRegions(ctx, scope.regions, query);
      for (const failed of body.regions) {
        if (failed.outcome === 'failed') {
          req.log?.warn({ region: failed.region, code: failed.error.code }, 'region could not be listed');
        }
      }
      return body;
    }),
  ];
}
