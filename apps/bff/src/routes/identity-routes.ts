import { assertParentRegion } from '../services/global-identity-service.js';
import { createIdentity } from '../services/identity-create-service.js';
import { bulkDeleteOptions, deleteIdentities, deleteIdentity } from '../services/identity-delete-service.js';
import { getIdentityDetail } from '../services/identity-detail-service.js';
import { listIdentities } from '../services/identity-list-service.js';
import { recreateIdentity } from '../services/identity-recreate-service.js';
import { type RouteBinding, type RouteDeps, route } from './route-spec.js';

/** `/api/regions/:region/identities`, `…/identities/delete`, `…/identities/:identity` and its `/recreate`. */
export function identityRoutes(deps: RouteDeps): RouteBinding[] {
  return [
    route('listIdentities', async ({ params: { region }, query }, { ctx }) => ({
      region,
      identities: await listIdentities(ctx, region, query),
    })),
    route('createIdentity', ({ params: { region }, body }, { ctx, scope }) => {
      if (body.type === 'DOMAIN' && body.dkim?.origin === 'DEED') {
        assertParentRegion(region, body.dkim.parentRegion, scope.regions, 'dkim.parentRegion');
      }
      return createIdentity(ctx, region, body);
    }),
    route('deleteIdentities', ({ params: { region }, body }, { ctx }) =>
      deleteIdentities(
        ctx,
        region,
        body.identities,
        bulkDeleteOptions(deps.apiTimeoutMs, ctx.clients.attemptTimeoutMs),
      ),
    ),
    route('getIdentity', ({ params: { region, identity } }, { ctx }) =>
      getIdentityDetail(ctx, region, identity),
    ),
    route('deleteIdentity', async ({ params: { region, identity } }, { ctx }) => {
      await deleteIdentity(ctx, region, identity);
    }),
    route('recreateIdentity', ({ params: { region, identity }, body }, { ctx }) =>
      recreateIdentity(ctx, region, identity, body),
    ),
  ];
}
