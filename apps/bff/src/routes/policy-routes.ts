import { deletePolicy, putPolicy } from '../services/identity-edit-service.js';
import { type RouteBinding, type RouteDeps, route } from './route-spec.js';

/** `/api/regions/:region/identities/:identity/policies` and `…/policies/:policyName`. */
export function policyRoutes(deps: RouteDeps): RouteBinding[] {
  const { ctx } = deps;
  return [
    route('createPolicy', ({ params: { region, identity }, body }) =>
      putPolicy(ctx, region, identity, 'create', body),
    ),
    route('updatePolicy', ({ params: { region, identity, policyName }, body }) =>
      putPolicy(ctx, region, identity, 'update', { name: policyName, document: body.document }),
    ),
    route('deletePolicy', ({ params: { region, identity, policyName } }) =>
      deletePolicy(ctx, region, identity, policyName),
    ),
  ];
}
