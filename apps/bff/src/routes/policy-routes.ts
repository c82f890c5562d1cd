import { deletePolicy, putPolicy } from '../services/identity-edit-service.js';
import { type RouteBinding, route } from './route-spec.js';

/** `/api/regions/:region/identities/:identity/policies` and `…/policies/:policyName`. */
export function policyRoutes(): RouteBinding[] {
  return [
    route('createPolicy', ({ params: { region, identity }, body }, { ctx }) =>
      putPolicy(ctx, region, identity, 'create', body),
    ),
    route('updatePolicy', ({ params: { region, identity, policyName }, body }, { ctx }) =>
      putPolicy(ctx, region, identity, 'update', { name: policyName, document: body.document }),
    ),
    route('deletePolicy', ({ params: { region, identity, policyName } }, { ctx }) =>
      deletePolicy(ctx, region, identity, policyName),
    ),
  ];
}
