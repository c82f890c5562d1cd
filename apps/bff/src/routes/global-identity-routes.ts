import { identityAcrossRegions, replicateIdentity } from '../services/global-identity-service.js';
import { bulkDeleteOptions } from '../services/identity-delete-service.js';
import { type RouteBinding, type RouteDeps, route } from './route-spec.js';

/** `/api/identities/:identity/regions` and `…/identities/:identity/replicate`: Global identities (DEED). */
export function globalIdentityRoutes(deps: RouteDeps): RouteBinding[] {
  return [
    route('getIdentityAcrossRegions', async ({ params: { identity } }, { req, ctx, scope }) => {
      const body = await identityAcrossRegions(ctx, identity, scope.regions);
      for (const failed of body.regions) {
        if (failed.outcome === 'failed') {
          req.log?.warn({ region: failed.region, code: failed.error.code }, 'region could not be asked');
        }
      }
      return body;
    }),
    route('replicateIdentity', ({ params: { region, identity }, body }, { ctx, scope }) =>
      replicateIdentity(ctx, region, identity, body.regions, {
        offeredRegions: scope.regions,
        // The bulk delete's budget: answer with one result per Region inside API_TIMEOUT_MS.
        deadlineMs: bulkDeleteOptions(deps.apiTimeoutMs, ctx.clients.attemptTimeoutMs).deadlineMs,
      }),
    ),
  ];
}
