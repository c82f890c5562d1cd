import { getAccount } from '../services/account-service.js';
import { type RouteBinding, type RouteDeps, route } from './route-spec.js';

/** `/api/regions/:region/account`: the SES account (sandbox, quota) in a Region. */
export function accountRoutes(deps: RouteDeps): RouteBinding[] {
  return [route('getAccount', ({ params: { region } }) => getAccount(deps.ctx, region))];
}
